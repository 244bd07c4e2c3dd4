import { describe, expect, it } from 'vitest';
import { capacityFigures } from './capacity-figures.js';
import type { CapacityRun, FloodOutcome } from './capacity-run.js';
import { judgeFigure } from './figures.js';
import { split } from './phases.js';

const options = {
  connections: 19_000,
  generators: 2,
  latencyMiners: 10_000,
  periodMs: 10_000,
  pacedMs: 20_000,
  floodMs: 8_000,
  warmupMs: 2_000,
};

function floodOf(label: string, acceptedPerSecond: number, serverCpuPercent: number): FloodOutcome {
  return {
    label,
    connections: 1_000,
    depth: 1,
    batch: 1,
    windowMs: 8_000,
    acceptedPerSecond,
    rejected: 0,
    serverAcceptedPerSecond: acceptedPerSecond,
    serverCpuPercent,
    serverSystemCpuPercent: 0,
    generatorCpuPercent: 10,
    loadAverage: { start: 1, end: 1 },
    firstRejection: undefined,
  };
}

function byName(run: CapacityRun): Map<string, ReturnType<typeof capacityFigures>[number]> {
  return new Map(capacityFigures(run).map((f) => [f.name, f]));
}

describe('capacityFigures', () => {
  it('judges each flood shape, and gives its rate per pool CPU-second', () => {
    const run: CapacityRun = {
      options,
      fdLimits: { generators: [] },
      floods: [floodOf('slow', 10_000, 50), floodOf('fast', 30_000, 75)],
      errors: [],
    };
    const f = byName(run);
    expect(judgeFigure(f.get('stratum-load/accepted-shares-slow')!)).toBe('missed');
    expect(judgeFigure(f.get('stratum-load/accepted-shares-fast')!)).toBe('met');
    expect(f.get('stratum-load/accepted-shares-fast-per-pool-cpu-second')?.value).toBe(40_000);
    expect(f.get('stratum-load/accepted-shares-slow-per-pool-cpu-second')?.target).toBeUndefined();
  });

  it('divides memory by the connections added between the two readings', () => {
    const run: CapacityRun = {
      options,
      fdLimits: { generators: [] },
      memory: {
        baseConnections: 1_000,
        fullConnections: 19_000,
        rssDeltaBytes: 18_000 * 6_000,
        heapDeltaBytes: 18_000 * 9_000,
        fullRssBytes: 0,
      },
      floods: [],
      errors: [],
    };
    const f = byName(run);
    expect(f.get('stratum-load/memory-per-idle-connection-rss')?.value).toBe(6_000);
    expect(judgeFigure(f.get('stratum-load/memory-per-idle-connection-heap')!)).toBe('missed');
  });

  it('marks what a failed run did not reach as not measured', () => {
    const f = capacityFigures({ options, fdLimits: { generators: [] }, floods: [], errors: ['x'] });
    const statuses = f.filter((x) => x.target !== undefined).map(judgeFigure);
    expect(new Set(statuses)).toEqual(new Set(['not-measured']));
  });
});

describe('split', () => {
  it('shares a total out in near-equal whole parts', () => {
    expect(split(19_000, 2)).toEqual([9_500, 9_500]);
    expect(split(1_001, 2)).toEqual([501, 500]);
    expect(split(2, 3)).toEqual([1, 1, 0]);
  });
});
