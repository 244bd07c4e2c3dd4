import { describe, expect, it } from 'vitest';
import { bitsToTarget } from '../difficulty/targets.js';
import { blockSubsidySats } from './coin-params.js';
import { COINS, LITECOIN_REGTEST_COIN, findCoin } from './catalogue.js';

describe('coin catalogue', () => {
  it('has unique ids and usable proof-of-work limits', () => {
    expect(new Set(COINS.map((c) => c.id)).size).toBe(COINS.length);
    for (const c of COINS) expect(bitsToTarget(c.powLimitBits)).toBeGreaterThan(0n);
    expect(findCoin('litecoin-regtest')).toBe(LITECOIN_REGTEST_COIN);
    expect(findCoin('dogecoin')).toBeUndefined();
  });

  it('matches litecoind regtest: 50 LTC halving every 150 blocks (REGTEST-NOTES.md)', () => {
    expect(blockSubsidySats(LITECOIN_REGTEST_COIN, 0)).toBe(5_000_000_000n);
    expect(blockSubsidySats(LITECOIN_REGTEST_COIN, 149)).toBe(5_000_000_000n);
    expect(blockSubsidySats(LITECOIN_REGTEST_COIN, 150)).toBe(2_500_000_000n);
    // The h432 vector's coinbasevalue is 1250005530 = 12.5 LTC + 5530 sats of fees.
    expect(blockSubsidySats(LITECOIN_REGTEST_COIN, 432)).toBe(1_250_000_000n);
    expect(blockSubsidySats(LITECOIN_REGTEST_COIN, 150 * 64)).toBe(0n);
  });
});
