import { ChimeraError } from '../../../errors.js';
import type { VirtualTime } from '../../../runtime/index.js';

/**
 * Moves virtual time 1 ms per event-loop turn until `promise` settles, so back-off sleeps
 * pass while real loopback I/O gets its turns. Per-call timeouts far above the I/O's few
 * turns keep a test from timing out a call that is merely in flight.
 */
export async function drive<T>(
  vt: VirtualTime,
  promise: Promise<T>,
  maxTurns = 200_000,
): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < maxTurns && !done; i++) await vt.advanceBy(1);
  return promise;
}

/** The ChimeraError a promise rejects with; fails the test when it resolves or throws else. */
export async function rejection(promise: Promise<unknown>): Promise<ChimeraError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ChimeraError) return err;
    throw new Error(`expected a ChimeraError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a rejection, got a value');
}
