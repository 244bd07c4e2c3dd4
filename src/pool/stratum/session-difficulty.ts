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
  difficultyForJob,
  jobSent,
  newDifficultyBook,
  setDifficulty,
  type DifficultyBook,
} from '../core/shares/job-difficulty.js';
import type { SessionPolicy } from './config.js';

/**
 * One session's difficulty: what it was told (the book, per job), vardiff, the miner's
 * BIP 310 floor and its suggestions. Each method that can change the difficulty returns
 * whether it did; the session then sends `mining.set_difficulty` and a notify.
 *
 * Suggestions are applied at most once per suggestCooldownMs, so a miner flipping its
 * suggestion every second costs the pool one change per cooldown, not one per line. After
 * a raise, shares still in flight at the old difficulty are taken at that difficulty (and
 * credited with its work) for raiseGraceMs, so a retarget never costs an honest miner shares.
 */
export class SessionDifficulty {
  #book: DifficultyBook;
  #cfg: VardiffConfig;
  #vardiff: VardiffState | undefined;
  #lastSuggestMs: number | undefined;
  #graceUntilMs = -Infinity;
  #graceDifficulty: Difficulty | undefined;
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

  /** The difficulty shares for `jobId` are judged at; undefined if it was never sent. */
  forJob(jobId: string): Difficulty | undefined {
    return difficultyForJob(this.#book, jobId);
  }

  /** The pre-raise difficulty while its grace lasts, else undefined. */
  grace(nowMs: number): Difficulty | undefined {
    return nowMs < this.#graceUntilMs ? this.#graceDifficulty : undefined;
  }

  jobSent(jobId: string): void {
    this.#book = jobSent(this.#book, jobId);
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
    const current = this.#book.current;
    const order = compareDifficulty(next, current);
    if (order === 0) return false;
    if (order > 0) {
      const kept = this.grace(nowMs);
      this.#graceDifficulty =
        kept !== undefined && compareDifficulty(kept, current) < 0 ? kept : current;
      this.#graceUntilMs = nowMs + this.policy.raiseGraceMs;
    }
    this.#book = setDifficulty(this.#book, next);
    this.#wire = difficultyToNumber(next);
    if (this.#vardiff !== undefined) {
      this.#vardiff = { difficulty: next, windowStartMs: nowMs, sharesInWindow: 0 };
    }
    return true;
  }
}
