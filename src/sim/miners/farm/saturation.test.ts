import { afterEach, describe, expect, it } from 'vitest';
import { sha256dHasher } from '../../../pool/stratum/stratum.fixtures.js';
import { memoryConnector } from '../client/connector.js';
import { createPoolBench, type PoolBench } from '../miner/miner.fixtures.js';
import type { GrindLimits } from '../miner/miner-spec.js';
import { Farm } from './farm.js';
import type { Fidelity } from './farm-report.js';
import { farmSpec } from './farm-spec.js';

let bench: PoolBench | undefined;
let farm: Farm | undefined;
afterEach(async () => {
  await farm?.stop();
  await bench?.close();
  farm = undefined;
  bench = undefined;
});

/**
 * A thread whose every hash costs exactly 1 ms of "CPU": a capacity of 1,000 H/s, whatever
 * the machine running the test.
 */
function slowCore(): { hashHeader: (h: Uint8Array) => Buffer; cpuClock: () => number } {
  let cpuMs = 0;
  return {
    hashHeader: (h) => {
      cpuMs += 1;
      return sha256dHasher.hashHeader(h);
    },
    cpuClock: () => cpuMs,
  };
}

function cpuFarm(
  b: PoolBench,
  hashrateScale: number,
  fidelity: Fidelity,
  limits?: GrindLimits,
): Farm {
  const core = slowCore();
  return new Farm(
    farmSpec({
      id: 'sat',
      seed: 3,
      algorithm: 'sha256d',
      address: 'addr9',
      groups: [{ profile: 'cpu-generic', count: 2 }],
      hashrateScale,
    }),
    {
      scheduler: b.vt,
      pow: { diff1Target: sha256dHasher.diff1Target, hashHeader: core.hashHeader },
      connector: (i) =>
        memoryConnector(
          (end, peer) => b.server.attach(end, { remoteAddress: peer }),
          `10.9.0.${i + 1}`,
        ),
      fidelity,
      latencyClock: () => b.vt.nowMs(),
      cpuClock: core.cpuClock,
      ...(limits === undefined ? {} : { limits }),
    },
  );
}

describe('Farm saturation', () => {
  it('reports a wall-clock farm saturated when its nominal rate exceeds what it can grind', async () => {
    // Arrange: two CPU units at ~2 kH/s each against a core that grinds 1 kH/s
    bench = createPoolBench();
    farm = cpuFarm(bench, 5e-5, 'wire');
    // Act
    farm.start();
    await bench.vt.advanceBy(5_000);
    // Assert
    const { saturation, hashrate } = farm.report();
    expect(hashrate.nominal).toBeGreaterThan(2_000);
    expect(saturation.capacityHashesPerSec).toBe(1_000);
    expect(saturation.load).toBeGreaterThan(2);
    expect(saturation.saturated).toBe(true);
  });

  it('does not report a farm within its capacity', async () => {
    // Arrange: two CPU units at ~20 H/s each
    bench = createPoolBench();
    farm = cpuFarm(bench, 5e-7, 'wire');
    // Act
    farm.start();
    await bench.vt.advanceBy(60_000);
    // Assert
    const report = farm.report();
    expect(report.accepted).toBeGreaterThan(10);
    expect(report.saturation.load).toBeLessThan(0.1);
    expect(report.saturation.saturated).toBe(false);
  });

  it('gives up and counts shares whose difficulty costs more than the per-share budget', async () => {
    // Arrange: difficulty 1 is ~4.3e9 sha256d hashes a share; the budget is 4,000
    bench = createPoolBench({ config: { difficulty: { start: 1, min: 1, max: 1 } } });
    farm = cpuFarm(bench, 1, 'protocol', { hashesPerSlice: 1_000, maxHashesPerShare: 4_000 });
    // Act: at ~40 MH/s a share falls due about every 107 s
    farm.start();
    await bench.vt.advanceBy(1_200_000);
    // Assert
    const report = farm.report();
    expect(report.submitted).toBe(0);
    expect(report.saturation.abandonedShares).toBeGreaterThan(3);
    expect(report.saturation.saturated).toBe(true);
  });
});
