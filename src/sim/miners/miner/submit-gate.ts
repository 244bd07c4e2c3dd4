import type { Scheduler } from '../../../runtime/index.js';

/**
 * When a miner may still send shares, and which of its shares still wait for an answer. At a
 * farm's cut-off the gate closes (no share goes out after it), and stopping waits, bounded,
 * for the answers of those already sent: a report taken then counts every share the pool
 * received, each one answered or unanswered.
 */
export class SubmitGate {
  #closesAtMs = Number.POSITIVE_INFINITY;
  readonly #inFlight = new Set<Promise<unknown>>();

  constructor(private readonly scheduler: Scheduler) {}

  /** No share is sent at or after `atMs` (scenario clock); an earlier close stands. */
  closeAt(atMs: number): void {
    this.#closesAtMs = Math.min(this.#closesAtMs, atMs);
  }

  get open(): boolean {
    return this.scheduler.clock.nowMs() < this.#closesAtMs;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Tracks a sent share until it is answered (or cut off) and recorded. */
  track<T>(sent: Promise<T>): Promise<T> {
    this.#inFlight.add(sent);
    const done = (): void => void this.#inFlight.delete(sent);
    sent.then(done, done);
    return sent;
  }

  /** Resolves once every tracked share is settled, or after `timeoutMs`, whichever is first. */
  async settled(timeoutMs: number): Promise<void> {
    if (this.#inFlight.size === 0) return;
    let timer: ReturnType<Scheduler['setTimeout']> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = this.scheduler.setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.all(this.#inFlight), timeout]);
    this.scheduler.clear(timer);
  }

  /** Resolves once every tracked share is settled (after the connection is gone: at once). */
  async allSettled(): Promise<void> {
    await Promise.all(this.#inFlight);
  }
}
