import { describe, expect, it } from 'vitest';
import type { Measurement, Target } from './benchmark.js';
import { judge } from './targets.js';

function measured(name: string, opsPerSecond: number): Measurement {
  return {
    name,
    unit: 'hash',
    opsPerSecond,
    minOpsPerSecond: opsPerSecond,
    maxOpsPerSecond: opsPerSecond,
    rmePercent: 0,
    wallOpsPerSecond: opsPerSecond,
    samples: 10,
    operations: 100,
  };
}

const relative: Target = { kind: 'relative', of: ['a', 'b', 'c'], within: 0.1, why: 'test' };

describe('judge', () => {
  it('meets an absolute target at or above the rate', () => {
    const target: Target = { kind: 'absolute', opsPerSecond: 1000, why: 'test' };
    expect(judge(measured('a', 1000), target, [])).toMatchObject({
      status: 'met',
      threshold: 1000,
    });
    expect(judge(measured('a', 999), target, [])).toMatchObject({ status: 'missed' });
  });

  it('meets a relative target within the margin of the best peer', () => {
    const all = [measured('a', 90), measured('b', 100), measured('c', 50)];
    expect(judge(all[0]!, relative, all)).toMatchObject({ status: 'met', threshold: 90 });
    const slower = [measured('a', 89), ...all.slice(1)];
    expect(judge(slower[0]!, relative, slower)).toMatchObject({ status: 'missed' });
  });

  it('does not judge when a peer was not measured (filtered out)', () => {
    const all = [measured('a', 90), measured('b', 100)];
    expect(judge(all[0]!, relative, all)).toMatchObject({
      status: 'not-judged',
      why: 'not measured: c',
    });
  });
});
