import { describe, expect, it } from 'vitest';
import { newRpcCredentials, newRpcSalt, rpcAuthValue } from './rpc-credentials.js';

describe('rpcAuthValue', () => {
  it('matches Bitcoin Core rpcauth.py: HMAC-SHA256 keyed by the salt text', () => {
    // python3: hmac.new(salt.encode(), b'pass', 'SHA256').hexdigest()
    expect(
      rpcAuthValue({ user: 'pool', password: 'pass' }, 'cb77f0957de88ff388cf817ddbc7273'),
    ).toBe(
      'pool:cb77f0957de88ff388cf817ddbc7273$00f38ebf667f384f94165d44e8bbe088d5726d392b4f36d6100bb5b6f6685e48',
    );
  });

  it('refuses a user name with a colon, which would split the value wrongly', () => {
    expect(() => rpcAuthValue({ user: 'a:b', password: 'p' }, 'salt')).toThrow(RangeError);
  });

  it('makes fresh, URL-safe credentials and salts each time', () => {
    const a = newRpcCredentials();
    const b = newRpcCredentials();
    expect(a.user).toBe('chimera');
    expect(a.password).toMatch(/^[0-9a-f]{48}$/);
    expect(a.password).not.toBe(b.password);
    expect(newRpcSalt()).toMatch(/^[0-9a-f]{32}$/);
  });
});
