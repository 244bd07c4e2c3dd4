import { compareDifficulty, type Difficulty } from '../difficulty/difficulty.js';

/**
 * Which difficulty a session's shares are judged at, per job. The pool sends
 * `mining.set_difficulty` before the `mining.notify` it applies to, so a job is judged at the
 * difficulty in force when it was sent. Miners differ on when they apply a new difficulty
 * (some at once, many only at the next notify): when the difficulty goes down, the jobs
 * already out are judged at the lower one too, so no honest share is refused for it; when it
 * goes up, they keep their old, lower one.
 */
export interface DifficultyBook {
  readonly current: Difficulty;
  /** Oldest first; at most `maxJobs` entries. */
  readonly jobs: readonly { readonly jobId: string; readonly difficulty: Difficulty }[];
  readonly maxJobs: number;
}

export function newDifficultyBook(start: Difficulty, maxJobs = 32): DifficultyBook {
  if (!Number.isInteger(maxJobs) || maxJobs < 1) throw new RangeError(`maxJobs ${maxJobs}`);
  return { current: start, jobs: [], maxJobs };
}

/** The session sent (or will send) `mining.set_difficulty` with `d`. */
export function setDifficulty(book: DifficultyBook, d: Difficulty): DifficultyBook {
  const jobs = book.jobs.map((j) =>
    compareDifficulty(d, j.difficulty) < 0 ? { jobId: j.jobId, difficulty: d } : j,
  );
  return { ...book, current: d, jobs };
}

/** The session sent `mining.notify` for `jobId`, at the current difficulty. */
export function jobSent(book: DifficultyBook, jobId: string): DifficultyBook {
  const kept = book.jobs.filter((j) => j.jobId !== jobId);
  kept.push({ jobId, difficulty: book.current });
  return { ...book, jobs: kept.length > book.maxJobs ? kept.slice(-book.maxJobs) : kept };
}

/** The difficulty a share for `jobId` is judged at; undefined if this session never got it. */
export function difficultyForJob(book: DifficultyBook, jobId: string): Difficulty | undefined {
  for (let i = book.jobs.length - 1; i >= 0; i--) {
    const j = book.jobs[i]!;
    if (j.jobId === jobId) return j.difficulty;
  }
  return undefined;
}
