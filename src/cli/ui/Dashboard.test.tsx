import { render } from 'ink';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { Dashboard } from './Dashboard.js';
import { FakeStdout } from './fake-stdout.fixtures.js';
import { sampleProgress } from './run-progress.fixtures.js';

// Ink colours through chalk, which reads FORCE_COLOR when first imported; the worker's own
// stdout is not a terminal, so colours would otherwise be off and untestable.
const savedForceColor = vi.hoisted(() => {
  const saved = process.env['FORCE_COLOR'];
  process.env['FORCE_COLOR'] = '1';
  return saved;
});
afterAll(() => {
  if (savedForceColor === undefined) delete process.env['FORCE_COLOR'];
  else process.env['FORCE_COLOR'] = savedForceColor;
});

const GREEN = '\u001B[32m';
const RED = '\u001B[31m';
const GREY = '\u001B[90m';

function draw(progress: RunProgress, columns = 100, eventLines?: number): string {
  const stdout = new FakeStdout(columns);
  const app = render(<Dashboard progress={progress} columns={columns} eventLines={eventLines} />, {
    stdout: stdout.asStream(),
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  app.unmount();
  return stdout.lastFrame();
}

const lines = (frame: string) => stripVTControlCharacters(frame).split('\n');

/** The one line, escapes and all, whose visible text contains `text`. */
function rawLine(frame: string, text: string): string {
  const found = frame.split('\n').filter((l) => stripVTControlCharacters(l).includes(text));
  expect(found, `one line with ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0] ?? '';
}

describe('Dashboard', () => {
  const frame = draw(sampleProgress());
  const text = stripVTControlCharacters(frame);

  it('heads the screen with scenario, seed, fidelity, phase and simulated time', () => {
    const [title, bar] = lines(frame);
    expect(title).toBe('network-switch-under-load  seed 42  wire  running');
    expect(bar).toMatch(/^\[█+░+\] {2}17% {2}1h of 6h simulated, x3,600 \(wall 1s\)$/);
  });

  it('has a row per network with height, difficulty, hashrate and blocks', () => {
    expect(rawLine(frame, 'ltc ')).toContain('active');
    expect(lines(frame).find((l) => l.startsWith('ltc'))).toMatch(
      /^ltc +litecoin-like +2,841,305 +41.3M +412 GH\/s +24\/23\/1 active$/,
    );
    expect(lines(frame).find((l) => l.startsWith('btc'))).toMatch(/0\/0\/0 standby$/);
  });

  it('has a row per farm: hashrates, acceptance, rejections by reason, saturation marked', () => {
    const row = (id: string) => lines(frame).find((l) => l.startsWith(`${id} `)) ?? '';
    expect(row('asics')).toMatch(
      /^asics +asic-scrypt… honest +honest +200 +1\.87 TH\/s +1\.9 TH\/s +99\.4% +720$/,
    );
    expect(row('desktops')).toMatch(/ 1,000 +180 MH\/s\* +250 MH\/s +99\.9% +9$/);
    expect(row('cheaters')).toMatch(
      /malicious duplicate-shares +50 +59\.5 MH\/s +60 MH\/s +0% +4,000$/,
    );
    expect(text).toContain('  rejected: duplicate 3,990, low-difficulty 10\n');
    expect(text).toContain('* saturated: real grinding cannot keep up with the nominal hashrate');
  });

  it('shows latency percentiles and a bar per histogram bucket', () => {
    expect(text).toContain('Latency  p50 1.2ms  p95 9.8ms  p99 31.5ms  max 120ms');
    const bars = lines(frame).filter((l) => /^ *(<=|>) /.test(l));
    expect(bars.map((l) => l.trim().split(/ +/)[1])).toEqual(['1ms', '5ms', '25ms', '25ms']);
    // The fullest bucket has the longest bar.
    const barLength = (l: string) => (l.match(/█+/)?.[0] ?? '').length;
    expect(bars.map(barLength)).toEqual([23, 40, 7, 1]);
    expect(bars[1]).toMatch(/ 1,200$/);
  });

  it('leaves the latency panel out of runs that do not measure it', () => {
    const protocolRun: RunProgress = { ...sampleProgress(), latencyMs: undefined };
    expect(stripVTControlCharacters(draw(protocolRun))).not.toContain('Latency');
  });

  it('shows verified payouts in green, and any error in red', () => {
    expect(rawLine(frame, 'payouts verified: 12 blocks, largest error 0 sats')).toContain(GREEN);
    const wrong = draw({
      ...sampleProgress(),
      payouts: { blocksPaid: 12, largestErrorSats: '35', verified: true },
    });
    expect(rawLine(wrong, 'largest error 35 sats')).toContain(RED);
    const unknown = draw({
      ...sampleProgress(),
      payouts: { blocksPaid: 0, largestErrorSats: '0', verified: undefined },
    });
    expect(rawLine(unknown, 'payouts not yet verified')).toContain(GREY);
  });

  it('lists gates green when passed, red when failed, grey while pending', () => {
    expect(text).toContain('Gates  1 passed, 1 failed, 1 pending');
    const passed = rawLine(frame, 'acceptance(honest) >= 0.98');
    const failed = rawLine(frame, 'submit_latency.p99 < 25ms');
    const pending = rawLine(frame, 'payout_error == 0');
    expect(stripVTControlCharacters(passed)).toBe('✓ acceptance(honest) >= 0.98  actual 0.9939');
    expect(stripVTControlCharacters(failed)).toBe('✗ submit_latency.p99 < 25ms   actual 31.5ms');
    expect(stripVTControlCharacters(pending)).toBe('○ payout_error == 0');
    expect(passed.startsWith(GREEN)).toBe(true);
    expect(failed.startsWith(RED)).toBe(true);
    expect(pending.startsWith(GREY)).toBe(true);
  });

  it('shows the newest events, oldest first, at their scenario time', () => {
    expect(text).toContain('Events\n00:10:00  block 2841290 found by asics\n');
    const few = stripVTControlCharacters(draw(sampleProgress(), 100, 2));
    expect(few).toContain('Events  last 2\n00:30:00  vardiff settled');
    expect(few).not.toContain('block 2841290 found');
  });

  it('says PASSED in green when done with every gate passed', () => {
    const done: RunProgress = {
      ...sampleProgress(),
      phase: 'done',
      gates: sampleProgress().gates.map((g) => ({ ...g, status: 'passed' as const })),
    };
    const title = rawLine(draw(done), 'seed 42');
    expect(stripVTControlCharacters(title)).toMatch(/ PASSED$/);
    expect(title).toContain(`${GREEN}PASSED`);
  });
});

describe('Dashboard widths', () => {
  const longNames: RunProgress = {
    ...sampleProgress(),
    scenario: 'a-scenario-with-a-name-far-too-long-for-any-terminal-to-show-in-one-line-of-text',
    events: [{ atMs: 1000, text: `a very long event ${'that goes on '.repeat(20)}` }],
    gates: [{ expression: `acceptance(honest) >= 0.98 ${'+ 0 '.repeat(40)}`, status: 'passed' }],
  };

  it.each([100, 120, 80, 60])('keeps every line within %d columns', (columns) => {
    const drawn = lines(draw(longNames, columns));
    const widest = Math.max(...drawn.map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(Math.min(columns, 100));
    // Truncated, not wrapped: the long event is one line that ends in an ellipsis.
    expect(drawn.filter((l) => l.includes('a very long event'))).toHaveLength(1);
    expect(drawn.find((l) => l.includes('a very long event'))).toMatch(/…$/);
  });

  it('keeps the status on screen when the scenario name is cut', () => {
    const [title] = lines(draw(longNames, 80));
    expect(title).toMatch(/^a-scenario-with-.*… {2}seed 42 {2}wire {2}running$/);
  });

  it('drops the optional farm columns below 100 columns', () => {
    const wide = lines(draw(sampleProgress(), 100));
    const narrow = lines(draw(sampleProgress(), 80));
    const header = (drawn: string[]) => drawn.find((l) => l.startsWith('farm ')) ?? '';
    expect(header(wide).split(/ +/)).toEqual([
      'farm',
      'profile',
      'class',
      'behaviour',
      'miners',
      'effective',
      'nominal',
      'accept',
      'rejected',
    ]);
    expect(header(narrow).split(/ +/)).toEqual([
      'farm',
      'class',
      'behaviour',
      'miners',
      'effective',
      'nominal',
      'accept',
    ]);
    expect(narrow.find((l) => l.startsWith('cheaters'))).toMatch(/ 0%$/);
  });
});
