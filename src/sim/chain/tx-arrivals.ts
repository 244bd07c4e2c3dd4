import type { Rng, Scheduler, TimerHandle } from '../../runtime/index.js';
import { simError } from './sim-errors.js';

/** Calls `arrive` as a Poisson process of `ratePerSec` on the scheduler's clock. */
export class PoissonArrivals {
  private timer: TimerHandle | undefined;
  private running = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    private ratePerSec: number,
    private readonly arrive: () => void,
  ) {
    checkRate(ratePerSec);
  }

  start(): void {
    this.running = true;
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.scheduler.clear(this.timer);
    this.timer = undefined;
  }

  setRate(ratePerSec: number): void {
    checkRate(ratePerSec);
    this.ratePerSec = ratePerSec;
    this.scheduler.clear(this.timer);
    this.timer = undefined;
    this.arm();
  }

  private arm(): void {
    if (!this.running || this.ratePerSec <= 0) return;
    const delayMs = Math.max(1, Math.round(this.rng.exponential(1000 / this.ratePerSec)));
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.arrive();
      this.arm();
    }, delayMs);
  }
}

function checkRate(ratePerSec: number): void {
  if (!Number.isFinite(ratePerSec) || ratePerSec < 0) {
    throw simError('SIM_BAD_RATE', `arrival rate must be finite and >= 0: ${ratePerSec}`);
  }
}
