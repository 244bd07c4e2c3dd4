import { Redis } from 'ioredis';
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
import { byWorker, memberOf, networkScope, workerScope } from './memory-live-state.js';
import { execAll } from './redis-exec.js';
import { RedisJobChannel } from './redis-job-channel.js';
import { redisHit } from './redis-rate-limit.js';
import { fromLimbs, LIMBS, toLimbs } from './work-limbs.js';

export interface RedisLiveStateOptions {
  /** redis://host:port/db */
  readonly url: string;
  /** Every key and channel starts with this, so pools (and test runs) can share a server. */
  readonly prefix: string;
  readonly buckets: HashrateBuckets;
  /** Hears connection errors; ioredis reconnects by itself. */
  readonly onError?: (error: Error) => void;
}

/**
 * LiveState in Redis, shared by every Stratum process of a pool. Times are the callers'
 * (virtual time works); only the garbage collection of old keys uses Redis's own expiry.
 */
export class RedisLiveState implements LiveState {
  private readonly buckets: HashrateBuckets;
  private readonly jobs: RedisJobChannel;

  private constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    buckets: HashrateBuckets,
  ) {
    this.buckets = checkBuckets(buckets);
    this.jobs = new RedisJobChannel(redis);
  }

  static async connect(opts: RedisLiveStateOptions): Promise<RedisLiveState> {
    const redis = new Redis(opts.url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    redis.on('error', (error: Error) => opts.onError?.(error));
    await redis.connect();
    return new RedisLiveState(redis, opts.prefix, opts.buckets);
  }

  async addWork(worker: WorkerRef, work: bigint, atMs: number): Promise<void> {
    checkWork(work);
    const bucket = bucketOf(atMs, this.buckets);
    const ttlMs = this.buckets.retentionMs + this.buckets.bucketMs;
    const limbs = toLimbs(work);
    const tx = this.redis.multi();
    for (const scope of [workerScope(worker), networkScope(worker.network)]) {
      const key = this.key(`work:${scope}:${bucket}`);
      LIMBS.forEach((field, i) => {
        const limb = limbs[i] ?? 0n;
        if (limb > 0n) tx.hincrby(key, field, limb.toString());
      });
      tx.pexpire(key, ttlMs);
    }
    await execAll(tx);
  }

  workerWork(worker: WorkerRef, windowMs: number, nowMs: number): Promise<bigint> {
    return this.sum(workerScope(worker), windowMs, nowMs);
  }

  networkWork(network: string, windowMs: number, nowMs: number): Promise<bigint> {
    return this.sum(networkScope(network), windowMs, nowMs);
  }

  async heartbeat(worker: WorkerRef, atMs: number, ttlMs: number): Promise<void> {
    const key = this.key(`online:${encodeURIComponent(worker.network)}`);
    await execAll(
      this.redis
        .multi()
        .zadd(key, atMs + ttlMs, memberOf(worker))
        .pexpire(key, Math.max(ttlMs, 1) * 4),
    );
  }

  async workersOnline(network: string, nowMs: number): Promise<WorkerRef[]> {
    const key = this.key(`online:${encodeURIComponent(network)}`);
    const replies = await execAll(
      this.redis
        .multi()
        .zremrangebyscore(key, '-inf', nowMs)
        .zrangebyscore(key, `(${nowMs}`, '+inf'),
    );
    const members = replies[1];
    if (!Array.isArray(members)) return [];
    return members
      .map((m) => {
        const [address, worker] = JSON.parse(String(m)) as [string, string];
        return { network, address, worker };
      })
      .sort(byWorker);
  }

  publishJob(network: string, announcement: string): Promise<void> {
    return this.jobs.publish(this.key(`jobs:${encodeURIComponent(network)}`), announcement);
  }

  subscribeJobs(network: string, handler: JobHandler): Promise<Unsubscribe> {
    return this.jobs.subscribe(this.key(`jobs:${encodeURIComponent(network)}`), handler);
  }

  async hit(key: string, window: RateWindow, nowMs: number): Promise<RateDecision> {
    checkRateWindow(window);
    return await redisHit(
      this.redis,
      this.key(`rate:${window.kind}:${encodeURIComponent(key)}`),
      window,
      nowMs,
    );
  }

  async close(): Promise<void> {
    await this.jobs.close();
    await this.redis.quit();
  }

  private async sum(scope: string, windowMs: number, nowMs: number): Promise<bigint> {
    const pipeline = this.redis.pipeline();
    for (const b of bucketsInWindow(windowMs, nowMs, this.buckets)) {
      pipeline.hmget(this.key(`work:${scope}:${b}`), ...LIMBS);
    }
    const sums = LIMBS.map(() => 0n);
    for (const values of await execAll(pipeline)) {
      (values as (string | null)[]).forEach((v, i) => {
        sums[i] = (sums[i] ?? 0n) + BigInt(v ?? 0);
      });
    }
    return fromLimbs(sums);
  }

  private key(rest: string): string {
    return `${this.prefix}${rest}`;
  }
}
