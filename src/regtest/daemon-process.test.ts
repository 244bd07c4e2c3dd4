import { afterAll, describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { DaemonProcess } from './daemon-process.js';
import { pollUntil } from './poll-until.js';

const wall = new WallScheduler(wallClock);
afterAll(() => wall.clearAll());

/** A node child running `script`, standing in for a daemon. */
function child(script: string): Promise<DaemonProcess> {
  return DaemonProcess.spawn({
    name: 'fake daemon',
    binary: process.execPath,
    args: ['-e', script],
    env: {},
    scheduler: wall,
  });
}

/** Resolves once the child has said `ready` on stderr (its signal handlers are in place). */
function readyOn(p: DaemonProcess): Promise<true> {
  return pollUntil<true>(
    () => Promise.resolve(p.stderrTail().includes('ready') ? { value: true } : { wait: 'no line' }),
    { scheduler: wall, timeoutMs: 10_000, what: 'fake daemon' },
  );
}

describe('DaemonProcess', () => {
  it('stops a child that honours SIGTERM within the grace period', async () => {
    const p = await child("process.stderr.write('ready\\n'); setInterval(() => {}, 1000);");
    await readyOn(p);
    expect(await p.terminate(5_000)).toBe('stopped');
    expect(p.exit).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('kills a child that ignores SIGTERM once the grace period is over', async () => {
    const p = await child(
      "process.on('SIGTERM', () => {}); process.stderr.write('ready\\n'); setInterval(() => {}, 1000);",
    );
    await readyOn(p);
    const started = wallClock.nowMs();
    expect(await p.terminate(300)).toBe('killed');
    expect(wallClock.nowMs() - started).toBeGreaterThanOrEqual(290);
    expect(p.exit?.signal).toBe('SIGKILL');
    expect(await p.terminate(300)).toBe('already-exited');
  });

  it('keeps the tail of stderr and the exit code of a child that dies on its own', async () => {
    const p = await child(
      "for (let i = 0; i < 100; i++) console.error('line ' + i); console.error('Error: Unable to bind'); process.exit(3);",
    );
    expect(await p.exited).toEqual({ code: 3, signal: null });
    const tail = p.stderrTail();
    expect(tail.endsWith('Error: Unable to bind')).toBe(true);
    expect(tail).not.toContain('line 10\n');
    expect(tail.split('\n')).toHaveLength(40);
    expect(await p.waitExit(1)).toBe(true);
  });

  it('throws REGTEST_START_FAILED for a binary that cannot be spawned', async () => {
    const err: unknown = await DaemonProcess.spawn({
      name: 'fake daemon',
      binary: '/nonexistent/litecoind',
      args: [],
      env: {},
      scheduler: wall,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('REGTEST_START_FAILED');
    expect((err as ChimeraError).message).toContain('/nonexistent/litecoind');
  });
});
