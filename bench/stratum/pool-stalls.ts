import { PerformanceObserver } from 'node:perf_hooks';
import type { Scheduler, TimerHandle } from '../../src/runtime/index.js';

import { createCpuClock } from '../cpu-clock.js';
import type { StallTotals } from './protocol.js';

/** The longest single stall, and all stalls summed, since the last reset. */
interface Totals {
  maxMs: number;
  totalMs: number;
  count: number;
}

function zero(): Totals {
  return { maxMs: 0, totalMs: 0, count: 0 };
}

function add(t: Totals, ms: number): void {
  t.maxMs = Math.max(t.maxMs, ms);
  t.totalMs += ms;
  t.count++;
}

/**
 * Where the pool's one thread goes besides answering lines: its periodic sweep (every
 * deadline and vardiff tick of every connection, driven through the injected scheduler) and
 * garbage collection. Both hold up whatever line arrives meanwhile, so they explain a p99.
 */
export class PoolStalls {
  /** Wall time of each sweep: what a line arriving meanwhile waits, preemption included. */
  sweep = zero();
  /** The pool thread's CPU time in each sweep: its own cost, without preemption. */
  sweepCpu = zero();
  gc = zero();
  readonly #cpu = createCpuClock();
  readonly #observer: PerformanceObserver;

  constructor() {
    this.#observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) add(this.gc, entry.duration);
    });
    this.#observer.observe({ entryTypes: ['gc'] });
  }

  /** A scheduler whose periodic callbacks (the server's sweep) are timed. */
  timed(inner: Scheduler): Scheduler {
    return {
      clock: inner.clock,
      setTimeout: (fn, delayMs) => inner.setTimeout(fn, delayMs),
      setInterval: (fn, periodMs): TimerHandle =>
        inner.setInterval(() => {
          const cpu0 = this.#cpu.nowNs();
          const t0 = performance.now();
          fn();
          add(this.sweep, performance.now() - t0);
          add(this.sweepCpu, (this.#cpu.nowNs() - cpu0) / 1e6);
        }, periodMs),
      clear: (handle) => inner.clear(handle),
    };
  }

  /** The totals so far; counting starts again from zero. */
  take(): {
    readonly sweep: StallTotals;
    readonly sweepCpu: StallTotals;
    readonly gc: StallTotals;
  } {
    const out = { sweep: this.sweep, sweepCpu: this.sweepCpu, gc: this.gc };
    this.sweep = zero();
    this.sweepCpu = zero();
    this.gc = zero();
    return out;
  }

  stop(): void {
    this.#observer.disconnect();
  }
}
