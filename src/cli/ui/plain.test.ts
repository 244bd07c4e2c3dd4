import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { formatFinalTable, formatProgressLine } from './plain.js';
import { renderPlainProgress } from './plain-progress.js';
import { sampleProgress } from './run-progress.fixtures.js';

const hasAnsi = (text: string) => stripVTControlCharacters(text) !== text;

describe('formatProgressLine', () => {
  it('says time, blocks, acceptance per class and gate counts on one plain line', () => {
    const line = formatProgressLine(sampleProgress());
    expect(line).toBe(
      'running 1h/6h x3,600 | blocks 24 found, 23 accepted, 1 orphaned | ' +
        'acceptance honest 99.4%, malicious 0% | gates 1 passed, 1 failed, 1 pending',
    );
    expect(line).not.toContain('\n');
    expect(hasAnsi(line)).toBe(false);
  });

  it('copes with a run that has no farms or submits yet', () => {
    const starting: RunProgress = {
      ...sampleProgress(),
      phase: 'starting',
      clock: { simulatedMs: 0, durationMs: 21_600_000, wallMs: 0, speedup: Number.NaN },
      farms: [],
      gates: [],
    };
    expect(formatProgressLine(starting)).toBe(
      'starting 0s/6h xn/a | blocks 24 found, 23 accepted, 1 orphaned | acceptance no farms | ' +
        'gates 0 passed, 0 failed, 0 pending',
    );
  });
});

describe('formatFinalTable', () => {
  const final: RunProgress = { ...sampleProgress(), phase: 'done' };

  it('shows the verdict, each gate with actual against threshold, and the farms', () => {
    expect(formatFinalTable(final)).toBe(
      [
        'network-switch-under-load  seed 42  wire  1h of 6h simulated  FAILED',
        '',
        'Gates: 1 passed, 1 failed, 1 pending',
        '  status   gate                actual  threshold',
        '  passed   acceptance(honest)  0.9939  >= 0.98',
        '  FAILED   submit_latency.p99  31.5ms  < 25ms',
        '  pending  payout_error        n/a     == 0',
        '',
        'Farms: 3',
        '  farm      profile         class      behaviour         miners   effective   nominal  submitted  accepted  acceptance  rejected',
        '  asics     asic-scrypt-l7  honest     honest               200  1.87 TH/s   1.9 TH/s    120,000   119,280       99.4%  stale-job 700, duplicate 20',
        '  desktops  cpu-desktop     honest     honest             1,000   180 MH/s*  250 MH/s      9,000     8,991       99.9%  stale-job 9',
        '  cheaters  gpu-midrange    malicious  duplicate-shares      50  59.5 MH/s    60 MH/s      4,000         0          0%  duplicate 3,990, low-difficulty 10',
        '  * saturated: could not grind as fast as its nominal hashrate',
        '',
        'blocks 24 found, 23 accepted, 1 orphaned',
        'payouts verified: 12 blocks, largest error 0 sats',
        '',
      ].join('\n'),
    );
  });

  it('says PASSED when every gate passed, and has no ANSI escapes', () => {
    const passed: RunProgress = {
      ...final,
      gates: final.gates.map((gate) => ({ ...gate, status: 'passed' as const })),
      farms: final.farms.map((farm) => ({ ...farm, saturated: false })),
    };
    const table = formatFinalTable(passed);
    expect(table.split('\n')[0]).toMatch(/ PASSED$/);
    expect(table).not.toContain('saturated');
    expect(hasAnsi(table)).toBe(false);
  });

  it('says when there is nothing to list', () => {
    const table = formatFinalTable({ ...final, farms: [], gates: [] });
    expect(table).toContain('  (no gates)\n');
    expect(table).toContain('  (no farms)\n');
  });
});

describe('renderPlainProgress', () => {
  const at = (wallMs: number, patch: Partial<RunProgress> = {}): RunProgress => {
    const base = sampleProgress();
    return { ...base, clock: { ...base.clock, wallMs, simulatedMs: wallMs * 3600 }, ...patch };
  };

  it('prints a title and a line at once, then a line only when one is due', () => {
    const written: string[] = [];
    const view = renderPlainProgress(at(0), { write: (t) => written.push(t), everyWallMs: 5000 });
    expect(written).toEqual([
      'network-switch-under-load  seed 42  wire\n',
      expect.stringMatching(/^running 0s\/6h /),
    ]);
    view.update(at(1000));
    view.update(at(4999));
    expect(written).toHaveLength(2);
    view.update(at(5000));
    expect(written).toHaveLength(3);
    expect(written[2]).toMatch(/^running 5h\/6h /);
  });

  it('prints at once when the phase or a gate changes', () => {
    const written: string[] = [];
    const view = renderPlainProgress(at(0), { write: (t) => written.push(t) });
    const [first, ...rest] = sampleProgress().gates;
    if (first === undefined) throw new Error('fixture has gates');
    view.update(at(10, { gates: [{ ...first, status: 'failed' }, ...rest] }));
    view.update(at(20, { phase: 'finishing' }));
    expect(written.slice(2).map((line) => line.split(' | ')[0])).toEqual([
      'running 36s/6h x3,600',
      'finishing 1m12s/6h x3,600',
    ]);
    expect(written[2]).toContain('gates 0 passed, 2 failed, 1 pending');
  });

  it('ends with the last line and the final table, then writes nothing more', async () => {
    const written: string[] = [];
    const view = renderPlainProgress(at(0), { write: (t) => written.push(t) });
    const final = at(6000, { phase: 'done' });
    await view.finish(final);
    expect(written.slice(2)).toEqual([
      `${formatProgressLine(final)}\n`,
      `\n${formatFinalTable(final)}`,
    ]);
    view.update(at(99_000));
    await view.finish(final);
    expect(written).toHaveLength(4);
    expect(written.some(hasAnsi)).toBe(false);
  });
});
