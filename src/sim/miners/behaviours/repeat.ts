import type { Scheduler, TimerHandle } from '../../../runtime/index.js';

/** Runs `step(i)` every `everyMs` on the scenario clock, `times` times, until cancelled. */
export class Repeat {
  #timer: TimerHandle | undefined;
  #done = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly everyMs: number,
    private readonly times: number,
    private readonly step: (i: number) => void,
  ) {}

  start(): void {
    this.cancel();
    this.#arm();
  }

  cancel(): void {
    this.scheduler.clear(this.#timer);
    this.#timer = undefined;
  }

  #arm(): void {
    if (this.#done >= this.times) return;
    this.#timer = this.scheduler.setTimeout(() => {
      this.#timer = undefined;
      this.step(this.#done++);
      this.#arm();
    }, this.everyMs);
  }
}
