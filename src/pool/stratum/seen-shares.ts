/**
 * Accepted share keys, grouped by job so a job's keys go in one step when the job is no
 * longer active. One registry serves every session of a server and keys carry the
 * extranonce1: a miner that reconnects and resumes its extranonce1 cannot replay the shares
 * it already had accepted, as it could with a set that lived and died with the connection.
 */
export class SeenShares {
  readonly #byJob = new Map<string, Set<string>>();
  #size = 0;

  /** Keys held right now, over all jobs (memory metric). */
  get size(): number {
    return this.#size;
  }

  get jobCount(): number {
    return this.#byJob.size;
  }

  /** The set for one job, undefined when nothing was accepted for it yet. */
  forJob(jobId: string): ReadonlySet<string> | undefined {
    return this.#byJob.get(jobId);
  }

  add(jobId: string, key: string): void {
    let set = this.#byJob.get(jobId);
    if (set === undefined) {
      set = new Set();
      this.#byJob.set(jobId, set);
    }
    const before = set.size;
    set.add(key);
    this.#size += set.size - before;
  }

  /** Drops every job for which `isActive` says no; returns how many keys went. */
  prune(isActive: (jobId: string) => boolean): number {
    let dropped = 0;
    for (const [jobId, set] of this.#byJob) {
      if (isActive(jobId)) continue;
      dropped += set.size;
      this.#byJob.delete(jobId);
    }
    this.#size -= dropped;
    return dropped;
  }
}

/**
 * The `seen` a share check reads for one session: that session's keys within one job.
 * One per session, re-pointed before each check, so the share path allocates no closure.
 */
export class SessionSeenView {
  prefix = '';
  job: ReadonlySet<string> | undefined = undefined;

  has(key: string): boolean {
    return this.job !== undefined && this.job.has(this.prefix + key);
  }
}
