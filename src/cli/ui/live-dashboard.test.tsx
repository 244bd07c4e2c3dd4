import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { FakeStdout } from './fake-stdout.fixtures.js';
import { renderLiveDashboard } from './live-dashboard.js';
import { openProgressView } from './open-progress-view.js';
import { sampleProgress } from './run-progress.fixtures.js';

/** The sample, `hours` of simulated time in, with the payout gate judged once past 3h. */
function at(hours: number, phase: RunProgress['phase'] = 'running'): RunProgress {
  const base = sampleProgress();
  return {
    ...base,
    phase,
    clock: { ...base.clock, simulatedMs: hours * 3_600_000, wallMs: hours * 1000 },
    gates: base.gates.map((gate) =>
      gate.status === 'pending' && hours > 3 ? { ...gate, status: 'passed', actual: '0' } : gate,
    ),
  };
}

const frameText = (stdout: FakeStdout) => stdout.lastText();

describe('renderLiveDashboard', () => {
  it('draws the first snapshot, then redraws on each update', async () => {
    const stdout = new FakeStdout(100);
    const view = renderLiveDashboard(at(1), { stdout: stdout.asStream(), debug: true });
    expect(frameText(stdout)).toContain('1h of 6h simulated');
    expect(frameText(stdout)).toContain('○ payout_error == 0');

    view.update(at(4));
    expect(frameText(stdout)).toContain('4h of 6h simulated');
    expect(frameText(stdout)).toMatch(/^✓ payout_error == 0 +actual 0$/m);
    expect(frameText(stdout)).toContain('Gates  2 passed, 1 failed, 0 pending');
    await view.finish(at(6, 'done'));
  });

  it('does not redraw for the snapshot it already shows', async () => {
    const stdout = new FakeStdout(100);
    const first = at(1);
    const view = renderLiveDashboard(first, { stdout: stdout.asStream(), debug: true });
    const writes = stdout.writes.length;
    view.update(first);
    expect(stdout.writes).toHaveLength(writes);
    await view.finish(at(6, 'done'));
  });

  it('leaves the final frame on screen and writes nothing after finishing', async () => {
    const stdout = new FakeStdout(100);
    const view = renderLiveDashboard(at(1), { stdout: stdout.asStream(), debug: true });
    await view.finish(at(6, 'done'));
    const final = frameText(stdout);
    expect(final).toContain('6h of 6h simulated');
    expect(final.split('\n')[0]).toMatch(/ FAILED$/);
    const writes = stdout.writes.length;
    view.update(at(2));
    await view.finish(at(2));
    stdout.resize(80);
    expect(stdout.writes).toHaveLength(writes);
    expect(stdout.listenerCount('resize')).toBe(0);
  });

  it('lays the screen out again for a resized terminal', async () => {
    const stdout = new FakeStdout(100);
    const view = renderLiveDashboard(at(1), { stdout: stdout.asStream(), debug: true });
    expect(frameText(stdout)).toContain(' profile ');
    stdout.resize(80);
    const narrow = frameText(stdout).split('\n');
    expect(narrow.join('\n')).not.toContain(' profile ');
    expect(Math.max(...narrow.map((line) => [...line].length))).toBeLessThanOrEqual(80);
    await view.finish(at(6, 'done'));
  });

  it('folds a burst of snapshots into few frames, and the newest reaches the screen', async () => {
    const stdout = new FakeStdout(100);
    const view = renderLiveDashboard(at(0), { stdout: stdout.asStream(), maxFps: 1 });
    for (let i = 1; i <= 30; i++) view.update(at(i / 6));
    await view.finish(at(5.5, 'finishing'));
    const frames = stdout.writes.filter((w) => stripVTControlCharacters(w).includes('simulated'));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(10);
    expect(frameText(stdout)).toContain('5h30m of 6h simulated');
  });
});

describe('openProgressView', () => {
  it('writes plain lines, no escapes, when stdout is not a terminal', async () => {
    const stdout = new FakeStdout(100, false);
    const view = openProgressView(at(1), { stdout: stdout.asStream() });
    await view.finish(at(6, 'done'));
    const all = stdout.writes.join('');
    expect(stripVTControlCharacters(all)).toBe(all);
    expect(all).toContain('running 1h/6h x3,600 | blocks 24 found');
    expect(all).toContain('Gates: 2 passed, 1 failed, 0 pending');
  });

  it('writes plain lines under --ci even on a terminal', async () => {
    const stdout = new FakeStdout(100, true);
    const view = openProgressView(at(1), { stdout: stdout.asStream(), ci: true });
    await view.finish(at(6, 'done'));
    expect(stdout.writes[0]).toBe('network-switch-under-load  seed 42  wire\n');
  });

  it('draws the dashboard on a terminal', async () => {
    const stdout = new FakeStdout(100, true);
    const view = openProgressView(at(1), { stdout: stdout.asStream(), debug: true });
    expect(frameText(stdout)).toContain('Networks');
    await view.finish(at(6, 'done'));
  });
});
