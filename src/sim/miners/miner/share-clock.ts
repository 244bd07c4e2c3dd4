import type { Rng, Scheduler, TimerHandle } from '../../../runtime/index.js';

/**
 * When a miner finds its next share: a Poisson process on the scenario clock, one
 * exponentially distributed wait (seeded) per share at the mean the miner's nominal
 * hashrate and difficulty give. The process is memoryless, so a change of mean (a new
 * difficulty) simply draws a fresh wait.
 */
export class ShareClock {
  #timer: TimerHandle | undefined;
  #meanMs: number | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    private readonly onDue: (dueAtMs: number) => void,
  ) {}

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Runs at this mean; an unchanged mean keeps the wait already drawn. */
  run(meanMs: number): void {
    if (this.#timer !== undefined && this.#meanMs === meanMs) return;
    this.stop();
    if (!Number.isFinite(meanMs) || meanMs <= 0) return;
    this.#meanMs = meanMs;
    this.#arm();
  }

  stop(): void {
    this.scheduler.clear(this.#timer);
    this.#timer = undefined;
    this.#meanMs = undefined;
  }

  #arm(): void {
    const meanMs = this.#meanMs;
    if (meanMs === undefined) return;
    const delayMs = this.rng.exponential(meanMs);
    const dueAtMs = this.scheduler.clock.nowMs() + delayMs;
    this.#timer = this.scheduler.setTimeout(() => {
      this.#timer = undefined;
      this.#arm();
      this.onDue(dueAtMs);
    }, delayMs);
  }
}
