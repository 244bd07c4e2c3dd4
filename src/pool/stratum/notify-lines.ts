import type { PoolJob } from '../jobs/types.js';
import { encodeNotify } from './codec/encode.js';

interface Lines {
  first: string | undefined;
  resend: string | undefined;
}

/**
 * The `mining.notify` line of a job, encoded once and shared by every session: the first
 * send carries the job's own clean_jobs, a re-send (after a difficulty change, under a
 * session's alias id) never asks the miner to drop work. Held weakly, so jobs the source forgets are collected.
 */
export class NotifyLines {
  readonly #cache = new WeakMap<PoolJob, Lines>();

  first(job: PoolJob): string {
    const lines = this.#lines(job);
    return (lines.first ??= encode(job, job.cleanJobs));
  }

  /**
   * The job again, under another id (`jobId`, a session's alias of it), not clean: after a
   * difficulty change the miner's older work stays good.
   */
  resend(job: PoolJob, jobId: string): string {
    const lines = this.#lines(job);
    const line = (lines.resend ??= job.cleanJobs ? encode(job, false) : this.first(job));
    if (jobId === job.id) return line;
    // The id is the first param: splice the alias in rather than encode the branch again.
    const head = `"params":[${JSON.stringify(job.id)},`;
    const at = line.indexOf(head);
    if (at < 0) return encodeNotify({ ...job.work.notify, jobId, cleanJobs: false });
    const alias = `"params":[${JSON.stringify(jobId)},`;
    return line.slice(0, at) + alias + line.slice(at + head.length);
  }

  /** The job under a session's alias id with clean_jobs: older work must be dropped. */
  restart(job: PoolJob, jobId: string): string {
    return encodeNotify({ ...job.work.notify, jobId, cleanJobs: true });
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
