import type { Clock } from './clock.js';

export interface TimerHandle {
  readonly id: number;
}

/** Timers on some clock: the wall clock or a virtual one. */
export interface Scheduler {
  readonly clock: Clock;
  setTimeout(fn: () => void, delayMs: number): TimerHandle;
  setInterval(fn: () => void, periodMs: number): TimerHandle;
  clear(handle: TimerHandle | undefined): void;
}

/** Timers on the wall clock through Node's own timers. */
export class WallScheduler implements Scheduler {
  private nextId = 1;
  private readonly live = new Map<number, NodeJS.Timeout>();

  constructor(readonly clock: Clock) {}

  setTimeout(fn: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    const t = setTimeout(
      () => {
        this.live.delete(id);
        fn();
      },
      Math.max(0, delayMs),
    );
    this.live.set(id, t);
    return { id };
  }

  setInterval(fn: () => void, periodMs: number): TimerHandle {
    const id = this.nextId++;
    this.live.set(id, setInterval(fn, Math.max(1, periodMs)));
    return { id };
  }

  clear(handle: TimerHandle | undefined): void {
    if (!handle) return;
    const t = this.live.get(handle.id);
    if (t === undefined) return;
    clearTimeout(t);
    this.live.delete(handle.id);
  }

  /** Stops every timer this scheduler started (shutdown). */
  clearAll(): void {
    for (const t of this.live.values()) clearTimeout(t);
    this.live.clear();
  }
}
