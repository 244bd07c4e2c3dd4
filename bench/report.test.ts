import { describe, expect, it } from 'vitest';
import { anyMissed, formatMarkdown, formatTable, type BenchReport } from './report.js';

const report: BenchReport = {
  run: {
    date: '2026-01-02T03:04:05.000Z',
    node: '20.19.0',
    v8: '11.3',
    platform: 'linux',
    arch: 'x64',
    cpuModel: 'Test CPU',
    cpuCount: 2,
    loadAverage: { start: 0.5, end: 0.25 },
    cpuClock: 'thread',
    filters: [],
    timeMs: 2000,
    warmupMs: 300,
  },
  results: [
    {
      name: 'hash-header/scrypt',
      unit: 'hash',
      opsPerSecond: 6123.4,
      minOpsPerSecond: 6000,
      maxOpsPerSecond: 6200,
      rmePercent: 1.234,
      wallOpsPerSecond: 6001,
      samples: 90,
      operations: 9000,
      note: 'scrypt(1024,1,1)',
      target: { status: 'met', threshold: 5000, description: '>= 90% of best of [x] (why)' },
    },
    {
      name: 'hash-header/x|y',
      unit: 'hash',
      opsPerSecond: 12.345,
      minOpsPerSecond: 12,
      maxOpsPerSecond: 13,
      rmePercent: 3,
      wallOpsPerSecond: 12,
      samples: 10,
      operations: 10,
    },
  ],
};

describe('formatTable', () => {
  it('shows machine, date, figures and target verdicts', () => {
    const text = formatTable(report);
    expect(text).toContain('Node 20.19.0');
    expect(text).toContain('Test CPU × 2');
    expect(text).toContain('2026-01-02T03:04:05.000Z');
    expect(text).toContain('6,123 hash/s');
    expect(text).toContain('12.3 hash/s');
    expect(text).toContain('±1.2%');
    expect(text).toContain('MET (needs 5,000 hash/s)');
  });
});

describe('formatMarkdown', () => {
  it('writes one table row per result, escaping pipes, and lists notes', () => {
    const md = formatMarkdown(report);
    const rows = md.split('\n').filter((l) => l.startsWith('| hash-header/'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('hash-header/x\\|y');
    expect(md).toContain('- `hash-header/scrypt`: scrypt(1024,1,1)');
  });
});

describe('anyMissed', () => {
  it('is true only when a judged target was missed', () => {
    expect(anyMissed(report)).toBe(false);
    const missed: BenchReport = {
      ...report,
      results: [
        { ...report.results[0]!, target: { status: 'missed', threshold: 1e9, description: 'd' } },
      ],
    };
    expect(anyMissed(missed)).toBe(true);
  });
});
