import type { MinerJob } from '../work/miner-job.js';

/**
 * Jobs the miners of one farm have seen, by id. Honest miners never read it; it lets a
 * misbehaving miner try a job another session was sent, as one rig of a farm copying
 * another's work would.
 */
export class JobBoard {
  readonly #jobs = new Map<string, { readonly job: MinerJob; readonly minerId: string }>();
  readonly #limit: number;

  constructor(limit = 64) {
    this.#limit = limit;
  }

  post(job: MinerJob, minerId: string): void {
    this.#jobs.delete(job.jobId);
    this.#jobs.set(job.jobId, { job, minerId });
    while (this.#jobs.size > this.#limit) {
      const oldest = this.#jobs.keys().next().value;
      if (oldest === undefined) break;
      this.#jobs.delete(oldest);
    }
  }

  /** The newest job for which `usable` holds, posted by another miner. */
  newestWhere(minerId: string, usable: (job: MinerJob) => boolean): MinerJob | undefined {
    let found: MinerJob | undefined;
    for (const entry of this.#jobs.values()) {
      if (entry.minerId !== minerId && usable(entry.job)) found = entry.job;
    }
    return found;
  }
}
