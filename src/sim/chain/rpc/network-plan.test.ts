import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST_COIN, SIM_SHA256D_COIN } from '../../../pool/core/coins/index.js';
import { bitsToTarget, workOfTarget } from '../../../pool/core/difficulty/index.js';
import { networkPlan } from './network-plan.js';

const work = (bits: number): number => Number(workOfTarget(bitsToTarget(bits)));

describe('networkPlan (what chimera chain --block-time/--external-hashrate mean)', () => {
  it('without either flag: no external miners, the coin powLimit', () => {
    expect(networkPlan(BITCOIN_REGTEST_COIN, {})).toEqual({
      initialBits: 0x207fffff,
      externalMiners: [],
    });
  });

  it('block time alone: the hashrate that finds a powLimit block that often', () => {
    const plan = networkPlan(BITCOIN_REGTEST_COIN, { blockTimeSec: 150 });
    const rate = plan.externalMiners[0]?.hashrate ?? 0;
    expect(plan.initialBits).toBe(0x207fffff);
    expect(work(plan.initialBits) / rate).toBeCloseTo(150, 6);
  });

  it('hashrate alone keeps regtest at powLimit, and starts a retargeting coin in balance', () => {
    const regtest = networkPlan(BITCOIN_REGTEST_COIN, { externalHashrate: 5 });
    const sim = networkPlan(SIM_SHA256D_COIN, { externalHashrate: 1e12 });
    expect(regtest).toEqual({
      initialBits: 0x207fffff,
      externalMiners: [{ id: 'network', hashrate: 5 }],
    });
    expect(work(sim.initialBits) / 1e12).toBeCloseTo(SIM_SHA256D_COIN.targetBlockTimeSec, 0);
  });

  it('both: the mean block time at the start is the one asked, within compact-bits precision', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e9, max: 1e15, noNaN: true }),
        fc.integer({ min: 10, max: 3_600 }),
        (hashrate, blockTimeSec) => {
          // Arrange/Act
          const plan = networkPlan(SIM_SHA256D_COIN, { externalHashrate: hashrate, blockTimeSec });
          // Assert
          const meanSec = work(plan.initialBits) / hashrate;
          expect(Math.abs(meanSec / blockTimeSec - 1)).toBeLessThan(1e-4);
        },
      ),
    );
  });

  it('a hashrate of 0 means no external miners', () => {
    expect(
      networkPlan(SIM_SHA256D_COIN, { externalHashrate: 0, blockTimeSec: 60 }).externalMiners,
    ).toEqual([]);
  });
});
