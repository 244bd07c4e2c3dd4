import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDifficulty, difficultyFrom } from '../difficulty/difficulty.js';
import {
  difficultyForJob,
  jobSent,
  newDifficultyBook,
  sentJob,
  setDifficulty,
} from './job-difficulty.js';

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

  it('never re-judges an id at a higher difficulty: a re-send goes under an alias of the job', () => {
    // Arrange
    let book = jobSent(newDifficultyBook(d(8)), 'a');
    // Act: the difficulty goes up; 'a' again is ignored, the alias 'a2' carries the new one
    book = setDifficulty(book, d(32));
    book = jobSent(book, 'a');
    book = jobSent(book, 'a2', 'a');
    // Assert
    expect(sentJob(book, 'a')).toEqual({ jobId: 'a', baseId: 'a', difficulty: d(8) });
    expect(sentJob(book, 'a2')).toEqual({ jobId: 'a2', baseId: 'a', difficulty: d(32) });
  });

  it('property: an id is judged at the lowest difficulty in force from its first send on, never higher', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), value: fc.integer({ min: 1, max: 1 << 20 }) }),
      fc.record({ kind: fc.constant('job' as const), id: fc.constantFrom('a', 'b', 'c', 'd') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 50 }), (ops) => {
        let book = newDifficultyBook(d(1000), 8);
        const sentAt = new Map<string, number[]>();
        let current = 1000;
        for (const o of ops) {
          if (o.kind === 'set') {
            book = setDifficulty(book, d(o.value));
            current = o.value;
            for (const list of sentAt.values()) list.push(o.value);
          } else {
            const known = difficultyForJob(book, o.id) !== undefined;
            book = jobSent(book, o.id);
            if (!known) sentAt.set(o.id, [current]);
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
