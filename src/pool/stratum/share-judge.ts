import type { Difficulty } from '../core/difficulty/difficulty.js';
import type { SentJob } from '../core/shares/job-difficulty.js';
import {
  validateShare,
  type ShareHasher,
  type ShareRules,
  type ShareSession,
  type ShareVerdict,
} from '../core/shares/validate-share.js';
import type { JobSource } from '../jobs/types.js';
import type { ExtranonceLease } from './ports.js';
import type { SubmitRequest } from './codec/messages.js';
import { SessionSeenView, type SeenShares } from './seen-shares.js';

const UNKNOWN_JOB: ShareVerdict = Object.freeze({ kind: 'rejected', reason: 'unknown-job' });
const STALE_JOB: ShareVerdict = Object.freeze({ kind: 'rejected', reason: 'stale-job' });

/** The one mutable ShareSession a judge hands validateShare, re-pointed per share. */
interface ShareInput extends ShareSession {
  extranonce1: Buffer;
  versionMask: number;
  jobDifficulty: Difficulty;
}

/**
 * Judges one session's submits: the job registry, the difficulty the job was sent at and the
 * seen-set are read here, then validateShare decides. Holds no per-share allocations of its
 * own beyond the verdict. Accepted keys go into the shared registry prefixed with the
 * extranonce1, so two sessions never see each other's shares as duplicates.
 */
export class ShareJudge {
  readonly #view = new SessionSeenView();
  readonly #input: ShareInput;

  constructor(
    private readonly jobs: JobSource,
    private readonly hasher: ShareHasher,
    private readonly seen: SeenShares,
    private readonly rules: ShareRules,
    extranonce2Size: number,
  ) {
    this.#input = {
      extranonce1: Buffer.alloc(0),
      extranonce2Size,
      versionMask: 0,
      jobDifficulty: { num: 1n, den: 1n },
      seen: this.#view,
    };
  }

  bind(lease: ExtranonceLease): void {
    this.#input.extranonce1 = lease.extranonce1;
    this.#view.prefix = `${lease.hex}|`;
  }

  set versionMask(mask: number) {
    this.#input.versionMask = mask >>> 0;
  }

  get versionMask(): number {
    return this.#input.versionMask;
  }

  /**
   * `sent` is what the session sent under the submitted id (SessionDifficulty.sent): the
   * pool's job it stands for and its difficulty. An alias the session re-sent a job under is
   * judged as that job, at the alias's own difficulty, and shares the job's seen-set, so one
   * solution under two ids is a duplicate.
   */
  judge(raw: SubmitRequest, sent: SentJob | undefined, nowMs: number): ShareVerdict {
    const baseId = sent?.baseId ?? raw.jobId;
    const lookup = this.jobs.lookup(baseId);
    if (lookup.kind === 'unknown') return UNKNOWN_JOB;
    if (lookup.kind === 'stale') return STALE_JOB;
    // Active, but never sent to this session: it cannot have been mined from our notify.
    if (sent === undefined) return UNKNOWN_JOB;
    const input = this.#input;
    input.jobDifficulty = sent.difficulty;
    this.#view.job = this.seen.forJob(baseId);
    // The share's key names its job: an alias's shares are keyed as the job's own.
    const share = raw.jobId === baseId ? raw : { ...raw, jobId: baseId };
    return validateShare(lookup, share, input, nowMs, this.hasher, this.rules);
  }

  /** Records an accepted share (for the pool's job `jobId`) so it is a duplicate from now on. */
  remember(jobId: string, key: string): void {
    this.seen.add(jobId, this.#view.prefix + key);
  }
}
