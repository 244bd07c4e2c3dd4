import { describe, expect, it } from 'vitest';
import { compileGate } from './compile-gate.js';
import type { GateContext } from './gate-check.js';

const context: GateContext = { fidelity: 'protocol', farmIds: ['asics', 'cpu-farm'] };

function problemsOf(source: string, ctx: GateContext = context) {
  const compiled = compileGate(source, ctx);
  return compiled.ok ? [] : compiled.problems;
}

describe('checkGate', () => {
  it.each([
    'acceptance(honest) >= 0.98',
    'rejected(malicious) == 1.0',
    'payout_error == 0',
    'blocks.orphaned <= 1',
    'switch_downtime < 2s',
    'lost_shares == 0',
    'blocks.found >= expected_blocks * 0.5',
    'acceptance(cpu-farm) >= 98%',
    'payout_share(strategic) <= work_share(strategic) * 1.02',
    'blocks.found / expected_blocks >= 0.5',
    'switch_downtime == 0',
    'payout_error < 100',
    'hashrate.effective(asics) >= 10GH',
  ])('accepts %s', (source) => {
    expect(problemsOf(source)).toEqual([]);
  });

  it('refuses an unknown metric, pointing at it and suggesting the near miss', () => {
    expect(problemsOf('blocks.found >= 1 + acceptence')).toEqual([
      { offset: 20, message: "unknown metric 'acceptence'; did you mean 'acceptance'?" },
    ]);
    expect(problemsOf('zzz_qqq > 1')[0]?.message).toMatch(
      /^unknown metric 'zzz_qqq'; known metrics: acceptance, /,
    );
  });

  it('refuses selectors that are neither a class nor a farm, and selectors on pool-wide metrics', () => {
    expect(problemsOf('acceptance(nobody) > 0.5')).toEqual([
      {
        offset: 11,
        message:
          "unknown selector 'nobody': expected a behaviour class (honest, malicious, strategic) or a farm id (asics, cpu-farm)",
      },
    ]);
    expect(problemsOf('blocks.found(honest) > 0')).toEqual([
      { offset: 13, message: 'blocks.found is pool-wide and takes no selector' },
    ]);
  });

  it('refuses metrics the fidelity does not measure', () => {
    expect(problemsOf('submit_latency.p99 < 25ms', { ...context, fidelity: 'economics' })).toEqual([
      {
        offset: 0,
        message: 'submit_latency.p99 is not measured in economics runs (only wire, protocol)',
      },
    ]);
    expect(problemsOf('submit_latency.p99 < 25ms', { ...context, fidelity: 'wire' })).toEqual([]);
    expect(problemsOf('submit_latency.p99 < 25ms')).toEqual([]);
  });

  it.each([
    [
      'submit_latency.p99 < 25',
      21,
      'cannot compare a duration with a plain number; write the threshold with a unit, like 25ms',
    ],
    ['switch_downtime < 2GH', 18, 'cannot compare a duration with a hashrate'],
    ['acceptance >= 3s', 14, 'cannot compare a ratio with a duration'],
    ['blocks.found >= 50%', 16, 'cannot compare a count with a ratio'],
    ['switch_downtime * switch_downtime > 1s', 0, 'cannot multiply a duration and a duration'],
    ['switch_downtime + 1 > 1s', 0, 'cannot add a duration and a plain number'],
  ])('refuses mismatched units in %s', (source, offset, message) => {
    const fidelity = source.startsWith('submit') ? 'wire' : 'protocol';
    expect(problemsOf(source, { ...context, fidelity })).toContainEqual({ offset, message });
  });

  it('skips selector and fidelity checks when the scenario around the gate is unknown', () => {
    expect(problemsOf('acceptance(whoever) >= 0.9', {})).toEqual([]);
    expect(problemsOf('submit_latency.p99 < 25ms', {})).toEqual([]);
  });
});
