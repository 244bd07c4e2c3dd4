/**
 * What the pool's processes share while running and may lose on a restart: hashrate windows,
 * who is online, job announcements, rate-limit counters. Time always comes in as an argument
 * (the caller's Clock), so the same code runs on virtual time in the simulator.
 */

export interface WorkerRef {
  readonly network: string;
  readonly address: string;
  /** '' when the miner logged in with a bare address. */
  readonly worker: string;
}

export interface RateWindow {
  /** Hits allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
  /**
   * fixed: windows aligned on multiples of windowMs (cheap; up to 2 x limit around a
   * boundary). sliding: the last windowMs before now, counting only allowed hits.
   */
  readonly kind: 'fixed' | 'sliding';
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Hits still allowed in the current window after this one. */
  readonly remaining: number;
}

export type JobHandler = (announcement: string) => void;
export type Unsubscribe = () => Promise<void>;

export interface LiveState {
  /** Adds a share's work to its worker's and its network's bucket for `atMs`. */
  addWork(worker: WorkerRef, work: bigint, atMs: number): Promise<void>;
  /**
   * Work in the buckets of the last `windowMs` up to `nowMs`, the current (partial) bucket
   * included. windowMs must be a positive multiple of the bucket size and at most the
   * retention. Divide by the window for hashrate (hashrate.ts).
   */
  workerWork(worker: WorkerRef, windowMs: number, nowMs: number): Promise<bigint>;
  networkWork(network: string, windowMs: number, nowMs: number): Promise<bigint>;
  /** The worker is online until atMs + ttlMs (exclusive). */
  heartbeat(worker: WorkerRef, atMs: number, ttlMs: number): Promise<void>;
  /** Workers of a network online at nowMs, by address then worker. */
  workersOnline(network: string, nowMs: number): Promise<WorkerRef[]>;
  /** Delivers `announcement` to every subscriber of the network, in every process, in order. */
  publishJob(network: string, announcement: string): Promise<void>;
  /** Resolves once subscribed: announcements published after that reach `handler`. */
  subscribeJobs(network: string, handler: JobHandler): Promise<Unsubscribe>;
  /** Counts one hit against `key` and says whether it is within `window`. */
  hit(key: string, window: RateWindow, nowMs: number): Promise<RateDecision>;
  /** Stops this process's subscriptions and connections; shared state stays. */
  close(): Promise<void>;
}

export interface HashrateBuckets {
  /** Work is summed per bucket of this many ms. */
  readonly bucketMs: number;
  /** Buckets are kept this long: the longest window that can be read. */
  readonly retentionMs: number;
}
