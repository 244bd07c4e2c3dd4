import { describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST, LITECOIN_REGTEST } from './core/address/params.js';
import { encodeAddress } from './core/address/encode.js';
import { addressLoginValidator } from './login-validator.js';

const script = Buffer.from('0014' + '22'.repeat(20), 'hex');
const ltc = encodeAddress(script, LITECOIN_REGTEST);
const btc = encodeAddress(script, BITCOIN_REGTEST);

describe('addressLoginValidator', () => {
  it("accepts the pool coin's addresses with or without a worker name", () => {
    const v = addressLoginValidator(LITECOIN_REGTEST);
    expect(v.validateLogin(ltc, 'rig-1')).toEqual({ ok: true });
    expect(v.validateLogin(ltc, undefined)).toEqual({ ok: true });
  });

  it("refuses another coin's address, garbage, and unprintable worker names", async () => {
    const v = addressLoginValidator(LITECOIN_REGTEST);
    for (const [address, worker] of [
      [btc, 'rig'],
      ['not-an-address', 'rig'],
      [ltc, 'rig\u0000'],
      [ltc, 'x'.repeat(65)],
    ] as const) {
      const r = await v.validateLogin(address, worker);
      expect(r.ok, `${address}.${worker}`).toBe(false);
    }
  });
});
