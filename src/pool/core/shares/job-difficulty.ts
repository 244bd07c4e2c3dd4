import { compareDifficulty, type Difficulty } from '../difficulty/difficulty.js';

/**
 * Which difficulty a session's shares are judged at, per job id. The pool sends
 * `mining.set_difficulty` before the `mining.notify` it applies to, so a job id is judged at
 * the difficulty in force when it was sent, and an id's difficulty never goes up: after a
 * raise the current job is re-sent under a new id (an alias of the same work, `baseId`), so
 * shares still in flight for the old id are judged, and credited, at the old difficulty, and
 * shares for the new id at the new one. Were the old id re-recorded at the new difficulty,
 * shares mined at the old target that happen to meet the new one would be credited the higher
 * work: an over-credit in expectation.
 *
 * Miners differ on when they apply a new difficulty (some at once, many only at the next
 * notify): when the difficulty goes down, the jobs already out are judged at the lower one
 * too, so no honest share is refused for it (in-flight shares mined at the higher target are
 * then credited the lower work: a small under-credit, never an over-credit).
 */
export interface SentJob {
  /** The id the miner was sent and submits. */
  readonly jobId: string;
  /** The pool's job the id stands for (the same as jobId unless it is a re-send alias). */
  readonly baseId: string;
  readonly difficulty: Difficulty;
}

export interface DifficultyBook {
  readonly current: Difficulty;
  /** Oldest first; at most `maxJobs` entries. */
  readonly jobs: readonly SentJob[];
  readonly maxJobs: number;
}

export function newDifficultyBook(start: Difficulty, maxJobs = 32): DifficultyBook {
  if (!Number.isInteger(maxJobs) || maxJobs < 1) throw new RangeError(`maxJobs ${maxJobs}`);
  return { current: start, jobs: [], maxJobs };
}

/** The session sent (or will send) `mining.set_difficulty` with `d`. */
export function setDifficulty(book: DifficultyBook, d: Difficulty): DifficultyBook {
  const jobs = book.jobs.map((j) =>
    compareDifficulty(d, j.difficulty) < 0 ? { ...j, difficulty: d } : j,
  );
  return { ...book, current: d, jobs };
}

/**
 * The session sent `mining.notify` for `jobId` (standing for the pool's job `baseId`) at the
 * current difficulty. An id already in the book keeps its entry: an id is never re-judged at a
 * higher difficulty (re-send work under a new id instead).
 */
export function jobSent(book: DifficultyBook, jobId: string, baseId = jobId): DifficultyBook {
  if (sentJob(book, jobId) !== undefined) return book;
  const kept = [...book.jobs, { jobId, baseId, difficulty: book.current }];
  return { ...book, jobs: kept.length > book.maxJobs ? kept.slice(-book.maxJobs) : kept };
}

/** Every id sent so far is forgotten (the miner's extranonce1 changed: their work is void). */
export function forgetJobs(book: DifficultyBook): DifficultyBook {
  return { ...book, jobs: [] };
}

/** What this session was sent under `jobId`; undefined if it never got that id. */
export function sentJob(book: DifficultyBook, jobId: string): SentJob | undefined {
  for (let i = book.jobs.length - 1; i >= 0; i--) {
    const j = book.jobs[i]!;
    if (j.jobId === jobId) return j;
  }
  return undefined;
}

/** The difficulty a share for `jobId` is judged at; undefined if this session never got it. */
export function difficultyForJob(book: DifficultyBook, jobId: string): Difficulty | undefined {
  return sentJob(book, jobId)?.difficulty;
}
