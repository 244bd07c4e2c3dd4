/** Milliseconds since the Unix epoch, from the wall or from a simulation. */
export interface Clock {
  nowMs(): number;
}

/** The real wall clock. The only place in `src/` that reads `Date`. */
export const wallClock: Clock = {
  nowMs: () => Date.now(),
};

/** A monotonic high-resolution reading for latency measurement (wall runs only). */
export function monotonicMs(): number {
  return performance.now();
}
