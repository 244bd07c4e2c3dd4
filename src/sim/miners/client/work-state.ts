import type { NotifyFields } from '../../../pool/stratum/codec/index.js';
import { minerJobFrom, type MinerJob } from '../work/miner-job.js';

/**
 * When a miner starts using a new difficulty: at once, or (cgminer and its forks,
 * pooler's cpuminer: `next_diff`, applied in their notify parser) only with the next
 * mining.notify, which is why pools send set_difficulty before notify.
 */
export type DifficultyTiming = 'immediately' | 'next-notify';

/** Old jobs a miner keeps (to finish work in flight, or, for some behaviours, to misuse). */
const KEPT_JOBS = 16;

/** Stratum's difficulty before the pool sets one. */
const DEFAULT_DIFFICULTY = 1;

export interface NotifyOutcome {
  readonly job: MinerJob;
  readonly previous: MinerJob | undefined;
  /** The difficulty in force changed with this notify (a pending set_difficulty). */
  readonly difficultyChanged: boolean;
}

/** What one session of a miner knows of its work: extranonces, difficulty, mask, jobs. */
export class WorkState {
  extranonce1: string | undefined;
  extranonce2Size = 0;
  versionMask = 0;
  #difficulty = DEFAULT_DIFFICULTY;
  #pendingDifficulty: number | undefined;
  #pendingExtranonce: { readonly extranonce1: string; readonly size: number } | undefined;
  #current: MinerJob | undefined;
  readonly #jobs = new Map<string, MinerJob>();

  constructor(private readonly timing: DifficultyTiming) {}

  /** The difficulty shares are ground at now (the miner's belief). */
  get difficulty(): number {
    return this.#difficulty;
  }

  get current(): MinerJob | undefined {
    return this.#current;
  }

  job(jobId: string): MinerJob | undefined {
    return this.#jobs.get(jobId);
  }

  /** Every job still kept, oldest first. */
  keptJobs(): readonly MinerJob[] {
    return [...this.#jobs.values()];
  }

  /** mining.set_difficulty; true when the difficulty in force changed now. */
  setDifficulty(difficulty: number): boolean {
    if (this.timing === 'next-notify' && this.#current !== undefined) {
      this.#pendingDifficulty = difficulty;
      return false;
    }
    const changed = difficulty !== this.#difficulty;
    this.#difficulty = difficulty;
    return changed;
  }

  /** mining.set_extranonce: NiceHash's extension says it applies from the next job. */
  setExtranonce(extranonce1: string, size: number): void {
    this.#pendingExtranonce = { extranonce1, size };
  }

  notify(fields: NotifyFields, nowMs: number): NotifyOutcome {
    const job = minerJobFrom(fields, nowMs);
    const previous = this.#current;
    if (job.cleanJobs) this.#jobs.clear();
    this.#jobs.delete(job.jobId);
    this.#jobs.set(job.jobId, job);
    while (this.#jobs.size > KEPT_JOBS) {
      const oldest = this.#jobs.keys().next().value;
      if (oldest === undefined) break;
      this.#jobs.delete(oldest);
    }
    this.#current = job;
    if (this.#pendingExtranonce !== undefined) {
      this.extranonce1 = this.#pendingExtranonce.extranonce1;
      this.extranonce2Size = this.#pendingExtranonce.size;
      this.#pendingExtranonce = undefined;
    }
    let difficultyChanged = false;
    if (this.#pendingDifficulty !== undefined) {
      difficultyChanged = this.#pendingDifficulty !== this.#difficulty;
      this.#difficulty = this.#pendingDifficulty;
      this.#pendingDifficulty = undefined;
    }
    return { job, previous, difficultyChanged };
  }
}
