/**
 * Counts the real work the miners of one thread do and the time it takes, so a farm can
 * tell whether real grinding keeps up with the nominal hashrates it claims.
 */
export class GrindMeter {
  hashes = 0;
  grindMs = 0;
  /** Shares given up because finding them would cost more than the per-share budget. */
  abandoned = 0;

  /** `cpuClock`: milliseconds of this thread's time (a monotonic clock; a fake in tests). */
  constructor(private readonly cpuClock: () => number) {}

  /** Runs a grind and books its hashes and duration. */
  measure<T extends { readonly hashes: number }>(grind: () => T): T {
    const start = this.cpuClock();
    const result = grind();
    this.grindMs += this.cpuClock() - start;
    this.hashes += result.hashes;
    return result;
  }

  /** Real hashes per second of grinding time so far; undefined before any was timed. */
  get capacityHashesPerSec(): number | undefined {
    return this.grindMs > 0 ? (this.hashes * 1000) / this.grindMs : undefined;
  }
}
