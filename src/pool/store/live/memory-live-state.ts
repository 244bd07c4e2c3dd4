import { bucketOf, bucketsInWindow, checkBuckets, checkRateWindow, checkWork } from './buckets.js';
import type {
  HashrateBuckets,
  JobHandler,
  LiveState,
  RateDecision,
  RateWindow,
  Unsubscribe,
  WorkerRef,
} from './live-state.js';

/**
 * The state several in-process LiveStates share, as Redis is shared by several processes:
 * the simulator gives one to every pool it runs in one process.
 */
interface Presence {
  readonly ref: WorkerRef;
  readonly untilMs: number;
}

export class MemoryLiveData {
  readonly work = new Map<string, Map<number, bigint>>();
  readonly online = new Map<string, Map<string, Presence>>();
  readonly jobs = new Map<string, Set<JobHandler>>();
  readonly fixed = new Map<string, { window: number; count: number }>();
  readonly sliding = new Map<string, number[]>();
}

/** LiveState in this process's memory. */
export class MemoryLiveState implements LiveState {
  private readonly buckets: HashrateBuckets;
  private readonly mine = new Set<{ network: string; handler: JobHandler }>();

  constructor(
    buckets: HashrateBuckets,
    private readonly data = new MemoryLiveData(),
  ) {
    this.buckets = checkBuckets(buckets);
  }

  addWork(worker: WorkerRef, work: bigint, atMs: number): Promise<void> {
    return attempt(() => this.add(worker, work, atMs));
  }

  workerWork(worker: WorkerRef, windowMs: number, nowMs: number): Promise<bigint> {
    return attempt(() => this.sum(workerScope(worker), windowMs, nowMs));
  }

  networkWork(network: string, windowMs: number, nowMs: number): Promise<bigint> {
    return attempt(() => this.sum(networkScope(network), windowMs, nowMs));
  }

  private add(worker: WorkerRef, work: bigint, atMs: number): void {
    checkWork(work);
    const bucket = bucketOf(atMs, this.buckets);
    for (const scope of [workerScope(worker), networkScope(worker.network)]) {
      const series = this.data.work.get(scope) ?? new Map<number, bigint>();
      this.data.work.set(scope, series);
      series.set(bucket, (series.get(bucket) ?? 0n) + work);
      // Forget buckets past the retention, as Redis expires them.
      const oldest = bucket - this.buckets.retentionMs / this.buckets.bucketMs;
      for (const b of series.keys()) if (b < oldest) series.delete(b);
    }
  }

  heartbeat(worker: WorkerRef, atMs: number, ttlMs: number): Promise<void> {
    const workers = this.data.online.get(worker.network) ?? new Map<string, Presence>();
    this.data.online.set(worker.network, workers);
    workers.set(memberOf(worker), { ref: { ...worker }, untilMs: atMs + ttlMs });
    return Promise.resolve();
  }

  workersOnline(network: string, nowMs: number): Promise<WorkerRef[]> {
    const workers = this.data.online.get(network) ?? new Map<string, Presence>();
    const online: WorkerRef[] = [];
    for (const [member, { ref, untilMs }] of workers) {
      if (untilMs > nowMs) online.push(ref);
      else workers.delete(member);
    }
    return Promise.resolve(online.sort(byWorker));
  }

  publishJob(network: string, announcement: string): Promise<void> {
    // Delivered after the caller continues, as a message from Redis would be.
    for (const handler of this.data.jobs.get(network) ?? []) {
      queueMicrotask(() => handler(announcement));
    }
    return Promise.resolve();
  }

  subscribeJobs(network: string, handler: JobHandler): Promise<Unsubscribe> {
    const own = (announcement: string): void => handler(announcement);
    const handlers = this.data.jobs.get(network) ?? new Set<JobHandler>();
    this.data.jobs.set(network, handlers);
    handlers.add(own);
    const entry = { network, handler: own };
    this.mine.add(entry);
    return Promise.resolve(() => {
      handlers.delete(own);
      this.mine.delete(entry);
      return Promise.resolve();
    });
  }

  hit(key: string, window: RateWindow, nowMs: number): Promise<RateDecision> {
    return attempt(() => {
      checkRateWindow(window);
      return window.kind === 'fixed'
        ? this.fixedHit(key, window, nowMs)
        : this.slidingHit(key, window, nowMs);
    });
  }

  close(): Promise<void> {
    for (const { network, handler } of this.mine) this.data.jobs.get(network)?.delete(handler);
    this.mine.clear();
    return Promise.resolve();
  }

  private sum(scope: string, windowMs: number, nowMs: number): bigint {
    const series = this.data.work.get(scope);
    let total = 0n;
    for (const b of bucketsInWindow(windowMs, nowMs, this.buckets)) total += series?.get(b) ?? 0n;
    return total;
  }

  private fixedHit(key: string, window: RateWindow, nowMs: number): RateDecision {
    const index = Math.floor(nowMs / window.windowMs);
    const k = `${key}\u0000${window.windowMs}`;
    const current = this.data.fixed.get(k);
    const count = current?.window === index ? current.count + 1 : 1;
    this.data.fixed.set(k, { window: index, count });
    return { allowed: count <= window.limit, remaining: Math.max(0, window.limit - count) };
  }

  private slidingHit(key: string, window: RateWindow, nowMs: number): RateDecision {
    const k = `${key}\u0000${window.windowMs}`;
    const hits = (this.data.sliding.get(k) ?? []).filter((t) => t > nowMs - window.windowMs);
    this.data.sliding.set(k, hits);
    if (hits.length >= window.limit) return { allowed: false, remaining: 0 };
    hits.push(nowMs);
    return { allowed: true, remaining: window.limit - hits.length };
  }
}

export function workerScope(w: WorkerRef): string {
  return `w:${[w.network, w.address, w.worker].map(encodeURIComponent).join(':')}`;
}

export function networkScope(network: string): string {
  return `n:${encodeURIComponent(network)}`;
}

/** A worker as one string: JSON, so no address or worker name can collide with another. */
export function memberOf(w: WorkerRef): string {
  return JSON.stringify([w.address, w.worker]);
}

export function byWorker(a: WorkerRef, b: WorkerRef): number {
  if (a.address !== b.address) return a.address < b.address ? -1 : 1;
  return a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0;
}

/** fn's value, or its throw as a rejection, as an adapter doing I/O would report it. */
function attempt<T>(fn: () => T): Promise<T> {
  return new Promise((resolve) => resolve(fn()));
}
