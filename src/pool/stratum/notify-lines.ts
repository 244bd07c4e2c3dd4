import type { PoolJob } from '../jobs/types.js';
import { encodeNotify } from './codec/encode.js';

interface Lines {
  first: string | undefined;
  resend: string | undefined;
}

/**
 * The `mining.notify` line of a job, encoded once and shared by every session: the first
 * send carries the job's own clean_jobs, a re-send (after a difficulty change) never asks
 * the miner to drop work. Held weakly, so jobs the source forgets are collected.
 */
export class NotifyLines {
  readonly #cache = new WeakMap<PoolJob, Lines>();

  first(job: PoolJob): string {
    const lines = this.#lines(job);
    return (lines.first ??= encode(job, job.cleanJobs));
  }

  resend(job: PoolJob): string {
    const lines = this.#lines(job);
    return (lines.resend ??= job.cleanJobs ? encode(job, false) : this.first(job));
  }

  #lines(job: PoolJob): Lines {
    let lines = this.#cache.get(job);
    if (lines === undefined) {
      lines = { first: undefined, resend: undefined };
      this.#cache.set(job, lines);
    }
    return lines;
  }
}

function encode(job: PoolJob, cleanJobs: boolean): string {
  return encodeNotify({ ...job.work.notify, jobId: job.id, cleanJobs });
}
