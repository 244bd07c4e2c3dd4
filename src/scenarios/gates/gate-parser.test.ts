import { describe, expect, it } from 'vitest';
import { exact } from './exact.js';
import { parseGate } from './gate-parser.js';

function parsed(source: string) {
  const result = parseGate(source);
  if (!result.ok) throw new Error(`did not parse: ${result.message} at ${result.offset}`);
  return result.gate;
}

describe('parseGate', () => {
  it('reads a metric with a selector, a comparison and a plain threshold', () => {
    // Act
    const gate = parsed('acceptance(honest) >= 0.98');
    // Assert
    expect(gate.comparison).toBe('>=');
    expect(gate.left).toEqual({
      kind: 'metric',
      name: 'acceptance',
      selector: 'honest',
      start: 0,
      end: 18,
    });
    expect(gate.right).toMatchObject({ kind: 'literal', value: exact(49n, 50n), dim: 'scalar' });
  });

  it.each([
    ['submit_latency.p99 < 25ms', exact(25n), 'ms'],
    ['switch_downtime < 2s', exact(2000n), 'ms'],
    ['switch_downtime < 1h', exact(3_600_000n), 'ms'],
    ['rejected(malicious) == 100%', exact(1n), 'ratio'],
    ['hashrate.effective > 1.5TH/s', exact(1_500_000_000_000n), 'H/s'],
    ['payout_error <= 10sats', exact(10n), 'sats'],
    ['payout_error == 0', exact(0n), 'zero'],
  ])('converts the threshold of %s to its base unit', (source, value, dim) => {
    expect(parsed(source).right).toMatchObject({ kind: 'literal', value, dim });
  });

  it('gives * and / precedence over + and -, and honours parentheses', () => {
    const gate = parsed('blocks.found >= expected_blocks * 0.5 + 1');
    expect(gate.right).toMatchObject({
      kind: 'binary',
      op: '+',
      left: { kind: 'binary', op: '*', left: { kind: 'metric', name: 'expected_blocks' } },
      right: { kind: 'literal', value: exact(1n) },
    });
    const grouped = parsed('blocks.found >= expected_blocks * (0.5 + 0.1)');
    expect(grouped.right).toMatchObject({
      kind: 'binary',
      op: '*',
      right: { kind: 'binary', op: '+' },
    });
  });

  it('keeps selectors with dashes (farm ids) apart from subtraction', () => {
    const gate = parsed('acceptance(asic-farm) - 0.01 > acceptance(cpu-farm)');
    expect(gate.left).toMatchObject({ op: '-', left: { selector: 'asic-farm' } });
    expect(gate.right).toMatchObject({ selector: 'cpu-farm' });
  });

  it.each([
    ['acceptance(honest) 0.98', 19, 'expected a comparison'],
    ['acceptance >=', 13, 'expected a metric or a number, found the end'],
    ['>= 1', 0, 'expected a metric or a number'],
    ['blocks.found >= 3 sats extra', 18, "unexpected 'sats'"],
    ['latency < 25msec', 12, "unknown unit 'msec'"],
    ['acceptance() >= 1', 10, 'expected a farm id or behaviour class'],
    ['acceptance >= (0.5', 18, "expected ')'"],
    ['acceptance >= 0.5 $', 18, "unexpected '$'"],
    ['', 0, 'expected a metric or a number'],
  ])('refuses %j at offset %d: %s', (source, offset, message) => {
    const result = parseGate(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.offset).toBe(offset);
      expect(result.message).toContain(message);
    }
  });
});
