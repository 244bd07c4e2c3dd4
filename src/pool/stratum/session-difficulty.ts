import {
  clampDifficulty,
  compareDifficulty,
  difficultyToNumber,
  type Difficulty,
} from '../core/difficulty/difficulty.js';
import { vardiffConfig, type VardiffConfig } from '../core/difficulty/vardiff-config.js';
import {
  initVardiff,
  retarget,
  retargetOnTick,
  type VardiffState,
} from '../core/difficulty/vardiff.js';
import {
  forgetJobs,
  jobSent,
  newDifficultyBook,
  sentJob,
  setDifficulty,
  type DifficultyBook,
  type SentJob,
} from '../core/shares/job-difficulty.js';
import type { SessionPolicy } from './config.js';

/**
 * One session's difficulty: what it was told (the book, per job), vardiff, the miner's
 * BIP 310 floor and its suggestions. Each method that can change the difficulty returns
 * whether it did; the session then sends `mining.set_difficulty` and the current job again
 * under a new id (see DifficultyBook: an id is never judged at two difficulties, so shares
 * still in flight for the old id are taken, and credited, at the old difficulty).
 *
 * Suggestions are applied at most once per suggestCooldownMs, so a miner flipping its
 * suggestion every second costs the pool one change per cooldown, not one per line.
 */
export class SessionDifficulty {
  #book: DifficultyBook;
  #cfg: VardiffConfig;
  #vardiff: VardiffState | undefined;
  #lastSuggestMs: number | undefined;
  /** The wire number of the current difficulty, computed once per change. */
  #wire: number;

  constructor(private readonly policy: SessionPolicy) {
    this.#cfg = policy.vardiff;
    this.#book = newDifficultyBook(policy.startDifficulty);
    this.#wire = difficultyToNumber(policy.startDifficulty);
  }

  get current(): Difficulty {
    return this.#book.current;
  }

  /** The current difficulty as the JSON number miners read. */
  get wire(): number {
    return this.#wire;
  }

  get floor(): Difficulty {
    return this.#cfg.minDifficulty;
  }

  /** Starts vardiff; from now on shares and ticks move the difficulty. */
  start(nowMs: number): void {
    this.#vardiff = initVardiff(this.#book.current, nowMs, this.#cfg);
  }

  /** What the miner was sent under `jobId` (its pool job and difficulty); undefined if never. */
  sent(jobId: string): SentJob | undefined {
    return sentJob(this.#book, jobId);
  }

  /** The difficulty shares for `jobId` are judged at; undefined if it was never sent. */
  forJob(jobId: string): Difficulty | undefined {
    return sentJob(this.#book, jobId)?.difficulty;
  }

  /** A notify went out for `jobId` (an alias of the pool's job `baseId` when they differ). */
  jobSent(jobId: string, baseId = jobId): void {
    this.#book = jobSent(this.#book, jobId, baseId);
  }

  /** Ids sent so far stop counting (a new extranonce1 voids the work they carried). */
  forgetJobs(): void {
    this.#book = forgetJobs(this.#book);
  }

  onAccepted(nowMs: number): boolean {
    if (this.#vardiff === undefined) return false;
    const r = retarget(this.#vardiff, nowMs, this.#cfg);
    this.#vardiff = r.state;
    return r.setDifficulty !== undefined && this.#change(r.setDifficulty, nowMs);
  }

  onTick(nowMs: number): boolean {
    if (this.#vardiff === undefined) return false;
    const r = retargetOnTick(this.#vardiff, nowMs, this.#cfg);
    this.#vardiff = r.state;
    return r.setDifficulty !== undefined && this.#change(r.setDifficulty, nowMs);
  }

  /** mining.suggest_difficulty: 'ignored' inside the cooldown. */
  suggest(d: Difficulty, nowMs: number): 'changed' | 'unchanged' | 'ignored' {
    if (
      this.#lastSuggestMs !== undefined &&
      nowMs - this.#lastSuggestMs < this.policy.suggestCooldownMs
    ) {
      return 'ignored';
    }
    this.#lastSuggestMs = nowMs;
    const wanted = clampDifficulty(d, this.#cfg.minDifficulty, this.#cfg.maxDifficulty);
    return this.#change(wanted, nowMs) ? 'changed' : 'unchanged';
  }

  /** BIP 310 minimum-difficulty (0 lifts the floor); kept within the pool's bounds. */
  setMinimum(minimum: Difficulty | undefined, nowMs: number): boolean {
    const pool = this.policy.vardiff;
    const floor =
      minimum === undefined
        ? pool.minDifficulty
        : clampDifficulty(minimum, pool.minDifficulty, pool.maxDifficulty);
    if (compareDifficulty(floor, this.#cfg.minDifficulty) !== 0) {
      this.#cfg = vardiffConfig({
        targetShareTimeMs: pool.targetShareTimeMs,
        retargetIntervalMs: pool.retargetIntervalMs,
        variancePercent: pool.variancePercent,
        maxStepFactor: pool.maxStepFactor,
        minDifficulty: floor,
        maxDifficulty: pool.maxDifficulty,
      });
    }
    if (compareDifficulty(this.#book.current, floor) >= 0) return false;
    return this.#change(floor, nowMs);
  }

  #change(next: Difficulty, nowMs: number): boolean {
    if (compareDifficulty(next, this.#book.current) === 0) return false;
    this.#book = setDifficulty(this.#book, next);
    this.#wire = difficultyToNumber(next);
    if (this.#vardiff !== undefined) {
      this.#vardiff = { difficulty: next, windowStartMs: nowMs, sharesInWindow: 0 };
    }
    return true;
  }
}
