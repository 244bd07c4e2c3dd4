import type { Clock } from './clock.js';
import type { Scheduler, TimerHandle } from './scheduler.js';

interface Timer {
  id: number;
  atMs: number;
  seq: number;
  fn: () => void;
  periodMs?: number;
}

/**
 * A virtual clock and its scheduler. Time moves only when the owner advances it; timers
 * due at the same instant fire in the order they were set, so a run replays exactly.
 */
export class VirtualTime implements Clock, Scheduler {
  readonly clock: Clock = this;
  private current: number;
  private seq = 0;
  private nextId = 1;
  private readonly heap: Timer[] = [];
  private readonly cancelled = new Set<number>();

  constructor(startMs = 0) {
    this.current = startMs;
  }

  nowMs(): number {
    return this.current;
  }

  setTimeout(fn: () => void, delayMs: number): TimerHandle {
    return this.push(fn, Math.max(0, delayMs), undefined);
  }

  setInterval(fn: () => void, periodMs: number): TimerHandle {
    const p = Math.max(1, periodMs);
    return this.push(fn, p, p);
  }

  clear(handle: TimerHandle | undefined): void {
    if (handle) this.cancelled.add(handle.id);
  }

  /** Number of timers waiting (cancelled ones excluded). */
  get pending(): number {
    return this.heap.filter((t) => !this.cancelled.has(t.id)).length;
  }

  /** When the next live timer is due, or undefined when none is. */
  nextDueMs(): number | undefined {
    this.dropCancelledTop();
    return this.heap[0]?.atMs;
  }

  /**
   * Fires every timer due up to `targetMs` in order, letting promise callbacks settle
   * between timers, then leaves the clock at `targetMs`.
   */
  async advanceTo(targetMs: number): Promise<void> {
    for (;;) {
      this.dropCancelledTop();
      const top = this.heap[0];
      if (!top || top.atMs > targetMs) break;
      this.pop();
      this.current = Math.max(this.current, top.atMs);
      if (top.periodMs !== undefined) {
        this.heap.push({ ...top, atMs: top.atMs + top.periodMs, seq: this.seq++ });
        this.siftUp(this.heap.length - 1);
      } else {
        this.cancelled.delete(top.id);
      }
      top.fn();
      await settle();
    }
    this.current = Math.max(this.current, targetMs);
    await settle();
  }

  async advanceBy(deltaMs: number): Promise<void> {
    await this.advanceTo(this.current + deltaMs);
  }

  private push(fn: () => void, delayMs: number, periodMs: number | undefined): TimerHandle {
    const id = this.nextId++;
    const timer: Timer = { id, atMs: this.current + delayMs, seq: this.seq++, fn };
    if (periodMs !== undefined) timer.periodMs = periodMs;
    this.heap.push(timer);
    this.siftUp(this.heap.length - 1);
    return { id };
  }

  private dropCancelledTop(): void {
    for (;;) {
      const top = this.heap[0];
      if (!top || !this.cancelled.has(top.id)) return;
      this.pop();
      this.cancelled.delete(top.id);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

/** Lets queued promise callbacks (and the I/O they start in memory) run to completion. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
