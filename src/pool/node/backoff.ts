import type { Scheduler } from '../../runtime/index.js';

/** Exponential back-off: the n-th retry waits `initialMs * factor^(n-1)`, capped at `maxMs`. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 5_000, factor: 2 };

/** Delay before retry number `retry` (1 = the first retry). No jitter: runs replay exactly. */
export function backoffDelayMs(retry: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(retry) || retry < 1) throw new RangeError(`retry must be >= 1: ${retry}`);
  const raw = policy.initialMs * policy.factor ** (retry - 1);
  return Math.min(policy.maxMs, Number.isFinite(raw) ? raw : policy.maxMs);
}

/**
 * Waits `delayMs` on the scheduler. Resolves `false` instead when `signal` aborts first, so
 * the caller decides what an abort means; the timer is always cleared.
 */
export function sleep(
  scheduler: Scheduler,
  delayMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      scheduler.clear(handle);
      resolve(false);
    };
    const handle = scheduler.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
