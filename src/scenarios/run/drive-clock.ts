import type { VirtualTime } from '../../runtime/index.js';

/**
 * Moves the virtual clock to `endMs` in steps, so that between steps the caller can look at
 * the run (progress) while in-memory I/O has settled. Step boundaries are fixed virtual
 * times, so how often the caller looks never changes what happens.
 */
export async function driveClock(
  vt: VirtualTime,
  endMs: number,
  stepMs: number,
  afterStep: () => void,
): Promise<void> {
  for (let t = vt.nowMs(); t < endMs;) {
    t = Math.min(endMs, t + stepMs);
    await vt.advanceTo(t);
    afterStep();
  }
}

/**
 * Waits for `promise` while advancing the clock by `stepMs` at a time, for what needs virtual
 * time to finish (a first job, a graceful close). Resolves with its value, or with
 * `undefined` once `maxMs` of virtual time have passed without it settling.
 */
export async function awaitOnClock<T>(
  vt: VirtualTime,
  promise: Promise<T>,
  stepMs: number,
  maxMs: number,
): Promise<{ readonly settled: true; readonly value: T } | { readonly settled: false }> {
  let outcome: { settled: true; value: T } | { settled: true; error: unknown } | undefined;
  promise.then(
    (value) => (outcome = { settled: true, value }),
    (error: unknown) => (outcome = { settled: true, error }),
  );
  const deadline = vt.nowMs() + maxMs;
  await vt.advanceBy(0);
  while (outcome === undefined && vt.nowMs() < deadline) await vt.advanceBy(stepMs);
  if (outcome === undefined) return { settled: false };
  if ('error' in outcome) {
    throw outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
  }
  return outcome;
}
