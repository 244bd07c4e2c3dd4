import { describe, expect, it } from 'vitest';
import type { GroundTruth } from '../truth/ground-truth.js';
import type { ShareRecord } from '../truth/records.js';
import { BEHAVIOURS } from './catalogue.js';
import { judgeBehaviour } from './verdict.js';

function share(intent: string, answer: ShareRecord['answer']): ShareRecord {
  return {
    minerId: 'm',
    seq: 1,
    intent,
    session: 1,
    extranonce1: '00',
    jobId: 'j',
    extranonce2: '00',
    ntime: '00000000',
    nonce: '00000000',
    versionBits: undefined,
    difficulty: 1,
    meetsShareTarget: true,
    meetsNetworkTarget: false,
    hash: '00',
    dueAtMs: 0,
    sentAtMs: 0,
    roundAgeMs: 0,
    answer,
    latencyMs: 0,
  };
}

function truth(shares: ShareRecord[]): GroundTruth {
  return {
    minerId: 'm',
    profile: 'p',
    behaviour: 'b',
    hashrate: 1,
    shares,
    lines: [],
    sessions: [],
    connectFailures: [],
  };
}

describe('judgeBehaviour', () => {
  it('passes only on evidence: a behaviour that never misbehaved fails', () => {
    const expected = { kind: 'reject', intent: 'duplicate', code: 22 } as const;
    expect(
      judgeBehaviour(expected, [truth([share('honest', { kind: 'accepted' })])]),
    ).toMatchObject({
      ok: false,
      problems: ['no evidence'],
    });
  });

  it('fails a pool that accepts what it should refuse, naming the share', () => {
    const expected = { kind: 'reject', intent: 'duplicate', code: 22 } as const;
    const verdict = judgeBehaviour(expected, [
      truth([
        share('duplicate', { kind: 'rejected', code: 22, message: 'Duplicate share' }),
        share('duplicate', { kind: 'accepted' }),
      ]),
    ]);
    expect(verdict).toMatchObject({ ok: false, evidence: 2 });
  });

  it('accept-unless-stale: refused with the code only what went out after a new tip', () => {
    // Arrange
    const expected = { kind: 'accept-unless-stale', staleIntent: 'late-stale', code: 21 } as const;
    const stale = { kind: 'rejected', code: 21, message: 'Stale share: job not current' } as const;
    const good = [share('late', { kind: 'accepted' }), share('late-stale', stale)];
    // Act
    const pass = judgeBehaviour(expected, [truth(good)]);
    const tookStale = judgeBehaviour(expected, [
      truth([...good, share('late-stale', { kind: 'accepted' })]),
    ]);
    const refusedLate = judgeBehaviour(expected, [truth([...good, share('late', stale)])]);
    // Assert
    expect(pass).toEqual({ ok: true, evidence: 2 });
    expect(tookStale).toMatchObject({
      ok: false,
      evidence: 3,
      problems: [expect.stringContaining('late-stale')],
    });
    expect(refusedLate).toMatchObject({
      ok: false,
      evidence: 3,
      problems: [expect.stringContaining('(late)')],
    });
  });

  it('every catalogue behaviour has a unique id, a class and an expected response', () => {
    expect(new Set(BEHAVIOURS.map((b) => b.id)).size).toBe(BEHAVIOURS.length);
    expect(BEHAVIOURS.length).toBe(21);
    for (const b of BEHAVIOURS) expect(['honest', 'malicious', 'strategic']).toContain(b.class);
  });
});

describe('judgeBehaviour and the miner hanging up', () => {
  it('leaves out shares the miner cut off itself, not those the pool left unanswered', () => {
    const expected = { kind: 'reject', intent: 'duplicate', code: 22 } as const;
    const refused = share('duplicate', { kind: 'rejected', code: 22, message: 'Duplicate share' });
    const cut = share('duplicate', { kind: 'unanswered' });
    const session = (closedBy: 'pool' | 'miner') => ({
      minerId: 'm',
      session: 1,
      connectedAtMs: 0,
      extranonce1: '00',
      handshake: 'authorized' as const,
      firstJobAtMs: 0,
      difficulties: [],
      closedAtMs: 1,
      closedBy,
    });
    const byMiner = { ...truth([refused, cut]), sessions: [session('miner')] };
    const byPool = { ...truth([refused, cut]), sessions: [session('pool')] };
    expect(judgeBehaviour(expected, [byMiner])).toEqual({ ok: true, evidence: 1 });
    expect(judgeBehaviour(expected, [byPool])).toMatchObject({ ok: false, evidence: 2 });
  });
});
