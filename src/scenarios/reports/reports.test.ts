import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitXml } from './junit-xml.js';
import { reportMarkdown } from './report-md.js';
import type { RunResult } from './run-result.js';
import { sampleRunResult } from './run-result.fixtures.js';
import { summaryJson, wallJson } from './summary-json.js';
import { writeReportDir } from './write-report-dir.js';
import { findAll, parseXml } from './xml.fixtures.js';

/** The same result with every object's keys inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

describe('summary.json', () => {
  it('is byte-identical for equal results, whatever order their keys were filled in', () => {
    // Arrange
    const a = sampleRunResult();
    const b = reversedKeys(sampleRunResult());
    // Act / Assert
    expect(summaryJson(b)).toBe(summaryJson(a));
  });

  it('writes amounts as decimal strings and leaves wall-clock facts to wall.json', () => {
    // Act
    const text = summaryJson(sampleRunResult());
    const summary = JSON.parse(text) as Record<string, unknown>;
    // Assert
    expect(summary.payouts).toMatchObject({ totalSats: '10000000000', largestErrorSats: '0' });
    expect(summary).not.toHaveProperty('wall');
    expect(text).not.toMatch(/2025-01-01/);
    expect(summary.sharesByClass).toEqual([
      { behaviourClass: 'honest', submitted: 1440, accepted: 1431, rejected: 9 },
      { behaviourClass: 'malicious', submitted: 700, accepted: 0, rejected: 700 },
    ]);
    expect(summary.summaryVersion).toBe(1);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(wallJson(sampleRunResult()) ?? 'null')).toEqual({
      runId: 'demo-42-0001',
      startedAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:00:09.500Z',
      elapsedMs: 9500,
    });
  });

  it('changes when a figure changes', () => {
    const changed: RunResult = { ...sampleRunResult(), blocks: { found: 3, accepted: 2, orphaned: 1 } };
    expect(summaryJson(changed)).not.toBe(summaryJson(sampleRunResult()));
  });

  it('writes non-finite numbers as null, keeping the file valid JSON', () => {
    const summary = JSON.parse(summaryJson(sampleRunResult())) as { latencyMs: { histogram: { upToMs: unknown }[] } };
    expect(summary.latencyMs.histogram[3]?.upToMs).toBeNull();
  });
});

describe('junit.xml', () => {
  it('is well-formed, with one test case per gate and failures carrying actual vs threshold', () => {
    // Act
    const root = parseXml(junitXml(sampleRunResult()));
    // Assert
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'acceptance(honest) >= 0.98',
      'submit_latency.p99 < 25ms',
      'lost_shares == 0',
    ]);
    expect(cases[0]?.children).toEqual([]);
    const failure = cases[1]?.children[0];
    expect(failure?.attributes.message).toBe('failed: actual 31.5ms, threshold < 25ms');
    expect(failure?.text).toContain('actual: 31.5ms');
    expect(failure?.text).toContain('threshold: < 25ms');
    expect(findAll(root, 'property').map((p) => [p.attributes.name, p.attributes.value])).toContainEqual([
      'seed',
      '42',
    ]);
  });

  it('escapes markup, quotes and characters XML cannot carry, and round-trips the rest', () => {
    // Arrange
    const nasty = `a < b && c > "d" 'e' ]]> \u0001 \uD800 \u{1F600}\nline`;
    const base = sampleRunResult();
    const result: RunResult = {
      ...base,
      scenario: { ...base.scenario, name: 'x"&<y' },
      gates: [{ expression: nasty, passed: false, actual: nasty, threshold: '<', message: nasty }],
      error: nasty,
    };
    // Act
    const root = parseXml(junitXml(result));
    // Assert
    const expected = nasty.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD');
    const [gateCase, runCase] = findAll(root, 'testcase');
    expect(gateCase?.attributes.name).toBe(expected);
    expect(gateCase?.attributes.classname).toBe('chimera.x"&<y');
    expect(gateCase?.children[0]?.attributes.message).toBe(expected);
    expect(runCase?.children[0]).toMatchObject({ name: 'error', attributes: { message: expected } });
    expect(root.attributes).toMatchObject({ tests: '2', failures: '1', errors: '1' });
  });
});

describe('report.md', () => {
  it('shows the verdict, gates, shares, charts, latency, payouts and a timeline in time order', () => {
    // Act
    const md = reportMarkdown(sampleRunResult());
    // Assert
    expect(md.startsWith('# demo: FAILED\n')).toBe(true);
    for (const heading of [
      '## Gates',
      '## Shares',
      '## Hashrate and acceptance over time',
      '## Submit latency',
      '## Blocks',
      '## Payouts',
      '## Timeline',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('| `submit_latency.p99 < 25ms` | **FAIL** | 31.5ms | < 25ms |');
    expect(md).toMatch(/hashrate {4}[▁▂▃▄▅▆▇█]{60} {2}4 GH\/s \.\. 4\.9 GH\/s/);
    expect(md).toContain('| cheaters | duplicate-shares | malicious | 2 | 700 | 0 | 700 | 0% | duplicate 690, low-difficulty 10 |');
    expect(md).toContain('| ltc1qasics | 9900000000 | 9900000000 | 0 |');
    expect(md.indexOf('block-found')).toBeLessThan(md.indexOf('| 00:30:00 | reorg'));
    expect(md).toMatch(/> last █+ 40/);
  });

  it('is the same text for equal results', () => {
    expect(reportMarkdown(reversedKeys(sampleRunResult()))).toBe(reportMarkdown(sampleRunResult()));
  });

  it('leaves out latency for runs without it and says so when nothing happened', () => {
    const md = reportMarkdown({
      ...sampleRunResult(),
      latencyMs: undefined,
      fidelity: 'protocol',
      timeline: [],
      gates: [],
    });
    expect(md).not.toContain('## Submit latency');
    expect(md).toContain('Nothing happened.');
    expect(md).toContain('No gates.');
  });

  it('keeps table cells intact when text holds pipes, backticks and line breaks', () => {
    const base = sampleRunResult();
    const md = reportMarkdown({
      ...base,
      timeline: [{ atMs: 0, kind: 'odd|kind', detail: 'two\nlines' }],
      gates: [{ ...base.gates[0]!, expression: 'a `b` | c' }],
    });
    expect(md).toContain('| 00:00:00 | odd\\|kind | two lines |');
    expect(md).toContain('| ``a `b` \\| c`` | pass |');
  });
});

describe('writeReportDir', () => {
  it('writes summary.json, junit.xml, report.md and wall.json into a new directory', async () => {
    // Arrange
    const root = await mkdtemp(join(tmpdir(), 'chimera-report-'));
    const dir = join(root, 'reports', 'demo-42-0001');
    try {
      // Act
      const written = await writeReportDir(dir, sampleRunResult());
      // Assert
      expect((await readdir(dir)).sort()).toEqual(['junit.xml', 'report.md', 'summary.json', 'wall.json']);
      expect(written).toHaveLength(4);
      expect(await readFile(join(dir, 'summary.json'), 'utf8')).toBe(summaryJson(sampleRunResult()));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('the XML reader the junit tests rely on', () => {
  it.each([
    ['<a><b></a>', 'unbalanced tags'],
    ['<a>x < y</a>', 'a raw <'],
    ['<a>x & y</a>', 'a raw &'],
    ['<a b=c/>', 'an unquoted attribute'],
    ['<a b="1" b="2"/>', 'a duplicate attribute'],
    ['<a>\u0001</a>', 'a control character'],
    ['<a/><b/>', 'two roots'],
    ['<a>', 'an unclosed root'],
  ])('refuses %j (%s)', (text) => {
    expect(() => parseXml(text)).toThrow();
  });
});
