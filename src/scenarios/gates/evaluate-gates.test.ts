import { describe, expect, it } from 'vitest';
import { compileGate } from './compile-gate.js';
import { evaluateGates, type RunMetrics } from './evaluate-gates.js';
import type { Gate } from './gate-ast.js';
import { parseGate } from './gate-parser.js';

function gate(source: string): Gate {
  const compiled = compileGate(source, { fidelity: 'wire', farmIds: ['asics'] });
  if (!compiled.ok) throw new Error(`${source}: ${compiled.problems[0]?.message}`);
  return compiled.gate;
}

function judge(source: string, metrics: RunMetrics) {
  const [result] = evaluateGates([gate(source)], metrics);
  if (result === undefined) throw new Error('no result');
  return result;
}

describe('evaluateGates', () => {
  it.each([
    ['acceptance(honest) >= 0.98', { 'acceptance(honest)': 0.98 }, true],
    ['acceptance(honest) >= 0.98', { 'acceptance(honest)': { num: 98n, den: 100n } }, true],
    ['acceptance(honest) >= 0.98', { 'acceptance(honest)': { num: 979n, den: 1000n } }, false],
    ['acceptance(honest) > 0.98', { 'acceptance(honest)': 0.98 }, false],
    ['rejected(malicious) == 1.0', { 'rejected(malicious)': 1 }, true],
    ['rejected(malicious) == 100%', { 'rejected(malicious)': 0.999 }, false],
    ['payout_error == 0', { payout_error: 0n }, true],
    ['payout_error == 0', { payout_error: 1n }, false],
    ['payout_error != 0', { payout_error: 1n }, true],
    ['submit_latency.p99 < 25ms', { 'submit_latency.p99': 24.999 }, true],
    ['submit_latency.p99 < 25ms', { 'submit_latency.p99': 25 }, false],
    ['submit_latency.p99 <= 25ms', { 'submit_latency.p99': 25 }, true],
    ['blocks.orphaned <= 1', { 'blocks.orphaned': 2 }, false],
    ['switch_downtime < 2s', { switch_downtime: 1999 }, true],
    ['switch_downtime < 2s', { switch_downtime: 2000 }, false],
    ['lost_shares == 0', { lost_shares: 0 }, true],
    ['blocks.found >= expected_blocks * 0.5', { 'blocks.found': 6, expected_blocks: 12 }, true],
    ['blocks.found >= expected_blocks * 0.5', { 'blocks.found': 5, expected_blocks: 12.5 }, false],
    ['hashrate.effective(asics) >= 10GH', { 'hashrate.effective(asics)': 10n ** 10n }, true],
    [
      'payout_share(strategic) <= work_share(strategic) * 1.02',
      { 'payout_share(strategic)': 0.306, 'work_share(strategic)': 0.3 },
      true,
    ],
    [
      'payout_share(strategic) <= work_share(strategic) * 1.02',
      { 'payout_share(strategic)': 0.3061, 'work_share(strategic)': 0.3 },
      false,
    ],
    ['-lost_shares >= 0', { lost_shares: 0 }, true],
  ] as const)('%s with %o passes: %s', (source, metrics, passed) => {
    expect(judge(source, metrics).passed).toBe(passed);
  });

  it('reports actual and threshold with units, and the threshold expression when it is not a literal', () => {
    expect(judge('submit_latency.p99 < 25ms', { 'submit_latency.p99': 31.5 })).toEqual({
      expression: 'submit_latency.p99 < 25ms',
      passed: false,
      actual: '31.5ms',
      threshold: '< 25ms',
      message: 'failed: actual 31.5ms, threshold < 25ms',
    });
    expect(
      judge('blocks.found >= expected_blocks * 0.5', { 'blocks.found': 3, expected_blocks: 25 }),
    ).toMatchObject({
      actual: '3',
      threshold: '>= 12.5',
      message: 'failed: actual 3, threshold >= 12.5 (expected_blocks * 0.5)',
    });
    expect(judge('payout_error == 0', { payout_error: 0n })).toMatchObject({
      actual: '0 sats',
      message: 'passed: actual 0 sats, threshold == 0 sats',
    });
  });

  it('fails a gate whose metric the run did not measure, naming the metric', () => {
    expect(judge('acceptance(honest) >= 0.98', { acceptance: 1 })).toEqual({
      expression: 'acceptance(honest) >= 0.98',
      passed: false,
      actual: null,
      threshold: null,
      message: 'failed: metric acceptance(honest) was not measured by this run',
    });
    expect(judge('blocks.found >= expected_blocks * 0.5', { 'blocks.found': 100 }).message).toBe(
      'failed: metric expected_blocks was not measured by this run',
    );
  });

  it('fails on values that are not numbers and on division by zero, never passes them', () => {
    expect(judge('acceptance >= 0.5', { acceptance: Number.NaN })).toMatchObject({
      passed: false,
      message: 'failed: metric acceptance is NaN, not a number',
    });
    expect(judge('acceptance >= 0.5', { acceptance: { num: 1n, den: 0n } }).passed).toBe(false);
    expect(
      judge('blocks.found / expected_blocks >= 0.5', { 'blocks.found': 1, expected_blocks: 0 }),
    ).toMatchObject({
      passed: false,
      message: 'failed: division by zero in blocks.found / expected_blocks',
    });
  });

  it('does not read inherited properties as metrics', () => {
    // Arrange: an unchecked gate naming an Object.prototype property.
    const parsed = parseGate('constructor >= 0');
    if (!parsed.ok) throw new Error(parsed.message);
    // Act
    const [result] = evaluateGates([parsed.gate], {});
    // Assert
    expect(result?.passed).toBe(false);
  });
});
