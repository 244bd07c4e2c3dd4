import { buildJob, type StratumJob } from '../core/block/job.js';
import type { BlockTemplate } from '../core/block/template.js';
import type { JobLookup } from '../core/shares/validate-share.js';
import type { JobSource, PoolJob } from './types.js';

export interface JobManagerConfig {
  /** The pool's payout script: the whole coinbase value goes to it (PPLNS pays from the wallet). */
  readonly poolScript: Buffer;
  readonly extranonce1Size: number;
  readonly extranonce2Size: number;
  /** Pool tag written into every coinbase scriptSig. */
  readonly tag: string;
  /** How many jobs are kept for judging shares (active and stale together). */
  readonly maxJobs: number;
  /** Makes job ids unique across several Stratum processes ('' for one process). */
  readonly idPrefix?: string;
}

/**
 * Turns templates into jobs and judges job ids. Stale policy: a job stays active while its
 * template builds on the current tip (refreshes keep older same-tip jobs valid, as their
 * solutions are still blocks); once a template on a new tip arrives, every older job is
 * stale: its shares are refused with code 21 and cannot become blocks. Only the newest
 * `maxJobs` jobs are remembered; older ids are unknown.
 */
export class JobManager implements JobSource {
  private readonly jobs = new Map<string, PoolJob>();
  private readonly listeners = new Set<(job: PoolJob) => void>();
  private newest: PoolJob | undefined;
  private tipHex: string | undefined;
  private counter = 0;

  constructor(private readonly cfg: JobManagerConfig) {
    if (!Number.isInteger(cfg.maxJobs) || cfg.maxJobs < 1) {
      throw new RangeError(`maxJobs must be a positive integer, got ${cfg.maxJobs}`);
    }
  }

  current(): PoolJob | undefined {
    return this.newest;
  }

  lookup(jobId: string): JobLookup {
    const job = this.jobs.get(jobId);
    if (!job) return { kind: 'unknown' };
    const onTip = job.work.template.prevHashHex === this.tipHex;
    return onTip ? { kind: 'active', job: job.work } : { kind: 'stale', job: job.work };
  }

  onJob(listener: (job: PoolJob) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reissueId(): string {
    return this.nextId();
  }

  /** A new template from the node; returns the job made from it (already announced). */
  ingest(template: BlockTemplate, nowMs: number): PoolJob {
    const cleanJobs = template.prevHashHex !== this.tipHex;
    const work: StratumJob = buildJob(template, {
      payouts: [{ scriptPubKey: this.cfg.poolScript, valueSats: template.coinbaseValueSats }],
      extranonce1Size: this.cfg.extranonce1Size,
      extranonce2Size: this.cfg.extranonce2Size,
      tag: this.cfg.tag,
    });
    const job: PoolJob = { id: this.nextId(), work, cleanJobs, createdAtMs: nowMs };
    this.tipHex = template.prevHashHex;
    this.newest = job;
    this.jobs.set(job.id, job);
    while (this.jobs.size > this.cfg.maxJobs) {
      const oldest = this.jobs.keys().next().value;
      if (oldest === undefined) break;
      this.jobs.delete(oldest);
    }
    for (const l of [...this.listeners]) l(job);
    return job;
  }

  /** Forget every job (e.g. the pool moved to another network). */
  reset(): void {
    this.jobs.clear();
    this.newest = undefined;
    this.tipHex = undefined;
  }

  private nextId(): string {
    this.counter = (this.counter + 1) % 0x100000000;
    return `${this.cfg.idPrefix ?? ''}${this.counter.toString(16)}`;
  }
}
