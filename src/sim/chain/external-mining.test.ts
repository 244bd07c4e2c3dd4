import { describe, expect, it } from 'vitest';
import { blockSubsidySats } from '../../pool/core/coins/index.js';
import { makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import { receivedBy } from './received.js';
import {
  CHI2_CRITICAL_01,
  chiSquare,
  ksCritical01,
  ksExponential,
  mean,
} from './stats.fixtures.js';

/* Regtest bits 207fffff stand for a work of 2 hashes per block, so 2/150 H/s finds one block per 150 s. */
const ONE_BLOCK_PER_150S = 2 / 150;

async function runUntil(made: ReturnType<typeof makeSim>, blocks: number): Promise<void> {
  made.sim.start();
  while (made.sim.tip.height < blocks) await made.vt.advanceBy(3_600_000);
  made.sim.stop();
}

describe('external hashrate (seeded statistics)', () => {
  it('finds blocks at exponential intervals with the configured mean (Kolmogorov–Smirnov, n = 1000)', async () => {
    // Arrange
    const made = makeSim({ externalMiners: [{ id: 'net', hashrate: ONE_BLOCK_PER_150S }] }, 'ks');
    // Act
    await runUntil(made, 1001);
    // Assert
    const arrivals = Array.from({ length: 1001 }, (_, h) => made.sim.blockAt(h)!.receivedAtMs);
    const intervals = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    const d = ksExponential(intervals, 150_000);
    console.log(
      `KS D = ${d.toFixed(4)} (critical ${ksCritical01(1000).toFixed(4)}), mean ${(mean(intervals) / 1000).toFixed(1)} s`,
    );
    expect(d).toBeLessThan(ksCritical01(1000));
  });

  it('gives each external miner blocks in proportion to its hashrate (chi-square, n = 1500)', async () => {
    // Arrange
    const shares = [0.5, 0.3, 0.2];
    const miners = shares.map((s, i) => ({ id: `m${i}`, hashrate: s * ONE_BLOCK_PER_150S }));
    const made = makeSim({ externalMiners: miners }, 'chi');
    // Act
    await runUntil(made, 1500);
    // Assert
    const counts = miners.map(() => 0);
    for (let h = 1; h <= 1500; h++) counts[Number(made.sim.blockAt(h)!.minerId!.slice(1))]!++;
    const chi2 = chiSquare(counts, shares);
    console.log(
      `blocks per miner ${counts.join('/')}, chi2 = ${chi2.toFixed(2)} (critical ${CHI2_CRITICAL_01[2]})`,
    );
    expect(chi2).toBeLessThan(CHI2_CRITICAL_01[2]!);
    // Each coinbase really paid its finder (subsidy halves every 150 regtest blocks; no fees here).
    const paid = miners.map((m) => receivedBy(made.sim.state, minerScript(made.sim.coin, m.id), 1));
    const expected = miners.map((m) => {
      let sats = 0n;
      for (let h = 1; h <= made.sim.tip.height; h++) {
        if (made.sim.blockAt(h)!.minerId === m.id) sats += blockSubsidySats(made.sim.coin, h);
      }
      return sats;
    });
    expect(paid).toEqual(expected);
  });
});
