import { describe, expect, it } from 'vitest';
import { createRng } from '../../../runtime/index.js';
import { jobFrom, vectorTemplate } from '../../../pool/core/shares/share.fixtures.js';
import { reconnectDelayMs } from './backoff.js';
import { PendingRequests } from './pending-requests.js';
import { RequestIds } from './request-ids.js';
import { WorkState } from './work-state.js';

const NOTIFY = { ...jobFrom(vectorTemplate('litecoind-0.21-h102.json')).notify, cleanJobs: false };

describe('client parts', () => {
  it('cpuminer ids: subscribe 1, authorize 2, every submit 4, the rest 3; sequential counts up', () => {
    const cpu = new RequestIds('cpuminer');
    const seq = new RequestIds('sequential');
    const methods = [
      'mining.subscribe',
      'mining.authorize',
      'mining.submit',
      'mining.submit',
      'mining.suggest_difficulty',
    ];
    expect(methods.map((m) => cpu.next(m))).toEqual([1, 2, 4, 4, 3]);
    expect(methods.map((m) => seq.next(m))).toEqual([1, 2, 3, 4, 5]);
  });

  it('matches answers to requests sharing an id oldest first; abandons the rest on close', async () => {
    // Arrange
    const pending = new PendingRequests();
    const first = pending.wait(4, 'mining.submit');
    const second = pending.wait(4, 'mining.submit');
    const other = pending.wait('x', 'raw');
    // Act
    pending.answer(4, true, undefined);
    pending.answer(4, null, { code: 23, message: 'Low difficulty share' });
    const stray = pending.answer(99, true, undefined);
    pending.abandonAll();
    // Assert
    expect(await first).toEqual({ kind: 'result', result: true, error: undefined });
    expect(await second).toMatchObject({ error: { code: 23 } });
    expect(await other).toEqual({ kind: 'unanswered' });
    expect(stray).toBe(false);
    expect(pending.size).toBe(0);
  });

  it('next-notify firmware keeps grinding at the old difficulty until the next notify', () => {
    // Arrange
    const lazy = new WorkState('next-notify');
    const eager = new WorkState('immediately');
    for (const s of [lazy, eager]) s.notify({ ...NOTIFY, jobId: 'a' }, 0);
    // Act
    const changedLazy = lazy.setDifficulty(8);
    const changedEager = eager.setDifficulty(8);
    const before = lazy.difficulty;
    const outcome = lazy.notify({ ...NOTIFY, jobId: 'b' }, 1);
    // Assert
    expect([changedLazy, changedEager, before, eager.difficulty]).toEqual([false, true, 1, 8]);
    expect(outcome.difficultyChanged).toBe(true);
    expect(lazy.difficulty).toBe(8);
  });

  it('takes a new extranonce from the next job, and drops old jobs on clean_jobs', () => {
    // Arrange
    const state = new WorkState('immediately');
    state.extranonce1 = 'aa';
    state.extranonce2Size = 4;
    state.notify({ ...NOTIFY, jobId: 'a' }, 0);
    // Act
    state.setExtranonce('bbbb', 2);
    const kept = state.extranonce1;
    state.notify({ ...NOTIFY, jobId: 'b' }, 1);
    state.notify({ ...NOTIFY, jobId: 'c', cleanJobs: true }, 2);
    // Assert
    expect(kept).toBe('aa');
    expect([state.extranonce1, state.extranonce2Size]).toEqual(['bbbb', 2]);
    expect(state.keptJobs().map((j) => j.jobId)).toEqual(['c']);
  });

  it('backs off by the firmware policy: growing, capped, jittered within bounds', () => {
    const policy = { initialMs: 5_000, maxMs: 60_000, factor: 2, jitter: 0.2 };
    const rng = createRng('backoff');
    const delays = Array.from({ length: 6 }, (_, i) => reconnectDelayMs(policy, i, rng));
    const bases = [5_000, 10_000, 20_000, 40_000, 60_000, 60_000];
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(bases[i]! * 0.8);
      expect(d).toBeLessThanOrEqual(bases[i]! * 1.2);
    });
  });
});
