import type { MinerObserver } from '../miner/miner-spec.js';
import type { ConnectFailure, LineRecord, ShareRecord } from '../truth/records.js';
import { hashesPerShare } from '../work/targets.js';
import { LatencyHistogram } from './latency-histogram.js';
import { rejectionKey } from './rejection-groups.js';

/** A share counts as late when grinding delivered it this long after the share clock found it. */
export const LATE_SHARE_MS = 1_000;

/**
 * One thread's farm counters, as plain data: what a worker sends to the main thread and
 * what merges into a farm's report.
 */
export interface MetricsSnapshot {
  readonly miners: number;
  readonly connected: number;
  readonly submitted: number;
  readonly accepted: number;
  /**
   * Keyed `<code> <message>` as the pool answered, numbers in the message replaced by `<n>`
   * (`false` without an error: `- false`).
   */
  readonly rejected: Readonly<Record<string, number>>;
  readonly unanswered: number;
  /** Honest shares not sent: a clean notify had voided their job. */
  readonly discarded: number;
  readonly connectFailures: number;
  /** The earliest failed connection attempt, when there was one. */
  readonly firstConnectError: { readonly atMs: number; readonly message: string } | undefined;
  /** Sessions ended, keyed `<pool|miner> <cause>` (cause: ECONNRESET, end, stop...). */
  readonly closed: Readonly<Record<string, number>>;
  readonly withheld: number;
  /** Shares found that were also blocks (sent or not). */
  readonly blockSolutions: number;
  readonly lines: number;
  /** Expected hashes behind the accepted shares. */
  readonly acceptedWork: number;
  readonly nominalHashesPerSec: number;
  readonly realHashes: number;
  readonly grindMs: number;
  readonly abandoned: number;
  readonly lateShares: number;
  readonly maxLagMs: number;
  /** LatencyHistogram.encode(). */
  readonly latency: string;
}

/** Collects what a thread's miners record, as they record it. */
export class FarmCounters implements MinerObserver {
  submitted = 0;
  accepted = 0;
  readonly rejected = new Map<string, number>();
  unanswered = 0;
  discardedShares = 0;
  connectFailures = 0;
  firstConnectError: ConnectFailure | undefined;
  readonly closes = new Map<string, number>();
  withheld = 0;
  blockSolutions = 0;
  lines = 0;
  acceptedWork = 0;
  lateShares = 0;
  maxLagMs = 0;
  readonly latency = new LatencyHistogram();

  constructor(private readonly diff1Target: bigint) {}

  share(r: ShareRecord): void {
    if (r.meetsNetworkTarget) this.blockSolutions++;
    switch (r.answer.kind) {
      case 'withheld':
        this.withheld++;
        return;
      case 'unanswered':
        this.submitted++;
        this.unanswered++;
        return;
      case 'accepted':
        this.submitted++;
        this.accepted++;
        this.acceptedWork += hashesPerShare(this.diff1Target, r.difficulty);
        break;
      case 'rejected': {
        this.submitted++;
        const key = rejectionKey(r.answer.code, r.answer.message);
        this.rejected.set(key, (this.rejected.get(key) ?? 0) + 1);
        break;
      }
    }
    if (r.latencyMs !== undefined) this.latency.record(r.latencyMs);
  }

  line(_r: LineRecord): void {
    this.lines++;
  }

  discarded(): void {
    this.discardedShares++;
  }

  connectFailed(failure: ConnectFailure): void {
    this.connectFailures++;
    if (this.firstConnectError === undefined || failure.atMs < this.firstConnectError.atMs) {
      this.firstConnectError = failure;
    }
  }

  closed(by: 'pool' | 'miner', cause: string): void {
    const key = `${by} ${cause}`;
    this.closes.set(key, (this.closes.get(key) ?? 0) + 1);
  }

  lag(ms: number): void {
    if (ms > LATE_SHARE_MS) this.lateShares++;
    if (ms > this.maxLagMs) this.maxLagMs = ms;
  }
}
