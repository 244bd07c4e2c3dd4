import type { StratumJob } from '../core/block/job.js';
import type { JobLookup } from '../core/shares/validate-share.js';

/** A job as the pool hands it to sessions: the work, its id and whether it replaces all others. */
export interface PoolJob {
  readonly id: string;
  readonly work: StratumJob;
  /** True when the tip changed: miners must drop older jobs (mining.notify clean_jobs). */
  readonly cleanJobs: boolean;
  readonly createdAtMs: number;
}

/**
 * Where sessions get work and judge job ids. Implemented by the job manager; a fixed source
 * serves tests and fixtures.
 */
export interface JobSource {
  /** The newest job, or undefined before the first template arrived. */
  current(): PoolJob | undefined;
  /** active, stale (known but superseded by a new tip) or unknown. */
  lookup(jobId: string): JobLookup;
  /**
   * A fresh id, unique among job ids like a job's own (and of the same form: some miners
   * parse job ids as hex), under which a session re-sends an existing job to its miner after
   * the difficulty changed, so that no id is ever judged at two difficulties.
   */
  reissueId(): string;
  /** Called for every new job; returns a function that unsubscribes. */
  onJob(listener: (job: PoolJob) => void): () => void;
}
