import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { VirtualTime } from '../runtime/index.js';
import { pollUntil, type PollResult } from './poll-until.js';

/** Runs virtual time from timer to timer until the promise settles. */
async function runTimers<T>(vt: VirtualTime, promise: Promise<T>): Promise<T> {
  let settled = false;
  const done = promise.finally(() => (settled = true));
  while (!settled) {
    const due = vt.nextDueMs();
    if (due === undefined) await Promise.resolve();
    else await vt.advanceTo(due);
  }
  return done;
}

describe('pollUntil', () => {
  it('looks again with growing waits on the scheduler until a value comes', async () => {
    // Arrange
    const vt = new VirtualTime(0);
    const seenAt: number[] = [];
    const look = (): Promise<PollResult<string>> => {
      seenAt.push(vt.nowMs());
      return Promise.resolve(seenAt.length < 5 ? { wait: 'warming up' } : { value: 'ready' });
    };
    // Act
    const value = await runTimers(
      vt,
      pollUntil(look, { scheduler: vt, timeoutMs: 10_000, what: 'rpc' }),
    );
    // Assert
    expect(value).toBe('ready');
    const gaps = seenAt.slice(1).map((t, i) => t - seenAt[i]!);
    expect(gaps).toEqual([25, 37.5, 56.25, 84.375]);
  });

  it('caps waits at the back-off maximum and gives up at the timeout with the last reason', async () => {
    const vt = new VirtualTime(0);
    let looks = 0;
    const look = (): Promise<PollResult<never>> => {
      looks++;
      return Promise.resolve({ wait: `no peer yet (${looks})` });
    };
    const err: unknown = await runTimers(
      vt,
      pollUntil(look, { scheduler: vt, timeoutMs: 2_000, what: 'peer' }).catch((e: unknown) => e),
    );
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('REGTEST_TIMEOUT');
    expect((err as ChimeraError).message).toMatch(
      /peer: not ready after 2000 ms \(last: no peer yet/,
    );
    expect(vt.nowMs()).toBe(2_000);
    expect(looks).toBeLessThan(20);
  });

  it('stops at once when the look throws (the daemon died)', async () => {
    const vt = new VirtualTime(0);
    const boom = new Error('exited with code 1');
    await expect(
      pollUntil(() => Promise.reject(boom), { scheduler: vt, timeoutMs: 1_000, what: 'x' }),
    ).rejects.toBe(boom);
    expect(vt.nowMs()).toBe(0);
  });
});
