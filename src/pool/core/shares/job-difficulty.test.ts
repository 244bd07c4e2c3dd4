import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDifficulty, difficultyFrom } from '../difficulty/difficulty.js';
import { difficultyForJob, jobSent, newDifficultyBook, setDifficulty } from './job-difficulty.js';

const d = (x: number) => difficultyFrom(x);

describe('DifficultyBook', () => {
  it('judges each job at the difficulty in force when it was sent', () => {
    // Arrange / Act
    let book = newDifficultyBook(d(8));
    book = jobSent(book, 'a');
    book = setDifficulty(book, d(16));
    book = jobSent(book, 'b');
    // Assert
    expect(difficultyForJob(book, 'a')).toEqual(d(8));
    expect(difficultyForJob(book, 'b')).toEqual(d(16));
    expect(difficultyForJob(book, 'never-sent')).toBeUndefined();
  });

  it('lowers the difficulty of jobs already out when the difficulty goes down', () => {
    let book = jobSent(newDifficultyBook(d(64)), 'a');
    book = setDifficulty(book, d(4));
    expect(difficultyForJob(book, 'a')).toEqual(d(4));
  });

  it('forgets the oldest jobs beyond maxJobs', () => {
    let book = newDifficultyBook(d(1), 2);
    for (const id of ['a', 'b', 'c']) book = jobSent(book, id);
    expect(difficultyForJob(book, 'a')).toBeUndefined();
    expect(book.jobs.map((j) => j.jobId)).toEqual(['b', 'c']);
  });

  it('property: a job is never judged above the difficulty it was sent at, nor above any later one', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), value: fc.integer({ min: 1, max: 1 << 20 }) }),
      fc.record({ kind: fc.constant('job' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), (ops) => {
        let book = newDifficultyBook(d(1000), 8);
        const sentAt = new Map<string, number[]>();
        for (const o of ops) {
          if (o.kind === 'set') {
            book = setDifficulty(book, d(o.value));
            for (const list of sentAt.values()) list.push(o.value);
          } else {
            book = jobSent(book, o.id);
            sentAt.set(o.id, [Number(book.current.num) / Number(book.current.den)]);
          }
        }
        for (const [id, seen] of sentAt) {
          const judged = difficultyForJob(book, id);
          if (!judged) continue;
          expect(compareDifficulty(judged, d(Math.min(...seen)))).toBe(0);
        }
      }),
    );
  });
});
