import { describe, expect, it } from 'vitest';
import { parseRpcUrl } from './rpc-url.js';

describe('parseRpcUrl', () => {
  it('splits credentials from where to connect, decoding them', () => {
    const p = parseRpcUrl('http://pool%40ltc:p%3Ass@127.0.0.1:19443/wallet/w1');
    expect(p).toEqual({
      target: { hostname: '127.0.0.1', port: 19443, path: '/wallet/w1' },
      endpoint: 'http://127.0.0.1:19443/wallet/w1',
      user: 'pool@ltc',
      password: 'p:ss',
    });
  });

  it('unbrackets IPv6 hosts and defaults the path and port', () => {
    expect(parseRpcUrl('http://[::1]:8332').target).toEqual({
      hostname: '::1',
      port: 8332,
      path: '/',
    });
    expect(parseRpcUrl('http://localhost').target.port).toBe(80);
    expect(parseRpcUrl('http://localhost:1').user).toBeUndefined();
  });

  it('refuses anything but http', () => {
    expect(() => parseRpcUrl('https://127.0.0.1:1')).toThrow(/RPC_CONFIG/);
    expect(() => parseRpcUrl('127.0.0.1:8332')).toThrow(/RPC_CONFIG/);
  });
});
