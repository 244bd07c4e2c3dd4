import { describe, expect, it } from 'vitest';
import { createCpuClock } from './cpu-clock.js';
import { measureAll } from './measure.js';

const quick = {
  timeMs: 20,
  warmupMs: 5,
  sampleMs: 1,
  minSamples: 5,
  cpuClock: createCpuClock(),
  collectGarbage: false,
};

describe('measureAll', () => {
  it('times every benchmark in turn and accounts for every timed call', async () => {
    // Arrange
    const calls = { a: 0, b: 0 };
    const a = { name: 'a', unit: 'op', setup: () => () => (calls.a += 1) };
    const b = { name: 'b', unit: 'op', setup: () => () => (calls.b += 1) };
    // Act
    const [ma, mb] = await measureAll([a, b], quick);
    // Assert
    for (const m of [ma!, mb!]) {
      expect(m.samples).toBeGreaterThanOrEqual(5);
      expect(m.opsPerSecond).toBeGreaterThan(0);
      expect(m.minOpsPerSecond).toBeLessThanOrEqual(m.opsPerSecond);
      expect(m.maxOpsPerSecond).toBeGreaterThanOrEqual(m.opsPerSecond);
    }
    expect(calls.a).toBeGreaterThan(ma!.operations);
    expect(calls.b).toBeGreaterThan(mb!.operations);
  });

  it('awaits an operation that returns a promise before the next call', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const bench = {
      name: 'async',
      unit: 'op',
      setup: () => async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await Promise.resolve();
        inFlight -= 1;
      },
    };
    const [m] = await measureAll([bench], quick);
    expect(m!.samples).toBeGreaterThanOrEqual(5);
    expect(maxInFlight).toBe(1);
  });

  it('runs setup once per benchmark, untimed', async () => {
    let setups = 0;
    const bench = {
      name: 's',
      unit: 'op',
      setup: () => {
        setups += 1;
        return () => 0;
      },
    };
    await measureAll([bench], quick);
    expect(setups).toBe(1);
  });
});

describe('createCpuClock', () => {
  it('never runs backwards and advances while this thread computes', () => {
    const clock = createCpuClock();
    const before = clock.nowNs();
    // schedstat advances at scheduler ticks, so compute for several ticks' worth of time.
    let x = 0;
    const start = performance.now();
    while (performance.now() - start < 60) for (let i = 0; i < 100_000; i++) x = (x + i) | 0;
    const after = clock.nowNs();
    expect(x).not.toBeNaN();
    expect(after).toBeGreaterThan(before);
  });
});
