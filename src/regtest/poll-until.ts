import type { Scheduler } from '../runtime/index.js';
import { backoffDelayMs, sleep, type BackoffPolicy } from '../pool/node/backoff.js';
import { regtestError } from './errors.js';

export interface PollOptions {
  readonly scheduler: Scheduler;
  /** Measured on the scheduler's clock. */
  readonly timeoutMs: number;
  /** What is awaited, for the timeout message: "RPC of litecoind node". */
  readonly what: string;
  readonly backoff?: BackoffPolicy;
}

/** Short first waits (RPC is often up in under half a second), capped so no poll oversleeps. */
export const POLL_BACKOFF: BackoffPolicy = { initialMs: 25, maxMs: 250, factor: 1.5 };

/** One look: the value once there, or `{ wait: why }` to look again later. */
export type PollResult<T> = { readonly value: T } | { readonly wait: string };

/**
 * Looks with back-off on the scheduler until `look` gives a value. `look` throws to give up
 * at once (the daemon died); after `timeoutMs` this throws REGTEST_TIMEOUT with the last
 * reason to wait.
 */
export async function pollUntil<T>(
  look: () => Promise<PollResult<T>>,
  opts: PollOptions,
): Promise<T> {
  const startMs = opts.scheduler.clock.nowMs();
  for (let attempt = 1; ; attempt++) {
    const r = await look();
    if ('value' in r) return r.value;
    const elapsedMs = opts.scheduler.clock.nowMs() - startMs;
    if (elapsedMs >= opts.timeoutMs) {
      throw regtestError(
        'REGTEST_TIMEOUT',
        `${opts.what}: not ready after ${elapsedMs} ms (last: ${r.wait})`,
        { what: opts.what, elapsedMs, last: r.wait },
      );
    }
    const delayMs = Math.min(
      backoffDelayMs(attempt, opts.backoff ?? POLL_BACKOFF),
      opts.timeoutMs - elapsedMs,
    );
    await sleep(opts.scheduler, delayMs);
  }
}
