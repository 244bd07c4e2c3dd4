import { describe, expect, it } from 'vitest';
import {
  encodeAuthorizeRequest,
  encodeExtranonceSubscribeRequest,
  encodeSubscribeRequest,
} from './codec/encode-requests.js';
import { readSubscribeResult } from './codec/client-results.js';
import type { ServerMessage } from './codec/messages.js';
import {
  SessionRig,
  en2,
  goLive,
  kinds,
  readLine,
  response,
  rigShared,
  submitLine,
  type Notify,
} from './session.fixtures.js';
import {
  EASY,
  grind,
  grindWhere,
  headerFromNotify,
  poolJob,
  targetOf,
  type GroundShare,
} from './stratum.fixtures.js';

describe('StratumSession shares', () => {
  it('accepts a real share only after it is recorded, with its work and difficulty', () => {
    // Arrange
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    const share = grind(notify, en1, en2(1), EASY);
    // Act
    rig.line(submitLine(3, notify, share));
    // Assert
    const record = rig.actions.find((a) => a.kind === 'record');
    expect(record).toMatchObject({ kind: 'record', id: 3 });
    expect(rig.shared.sink.accepted[0]).toMatchObject({
      network: 'ltc-regtest',
      address: 'addr1',
      worker: 'rig1',
      sessionId: en1,
      jobId: 'j1',
      verdict: 'accepted',
      difficulty: { num: 1n, den: 100_000_000n },
    });
    expect(rig.shared.sink.accepted[0]?.work).toBeGreaterThan(0n);
  });

  it('rejects a duplicate in any spelling, and the same share replayed from a resumed session', () => {
    // Arrange
    const shared = rigShared();
    const first = new SessionRig({ shared });
    const { notify, en1 } = goLive(first);
    const share = grind(notify, en1, 'abcdef01', EASY);
    first.say(submitLine(3, notify, share));
    const upper = { ...share, extranonce2: 'ABCDEF01', nonce: share.nonce.toUpperCase() };
    // Act
    const again = response(first.say(submitLine(4, notify, upper)), 4);
    first.session.dispose();
    const second = new SessionRig({ shared });
    const resumed = readSubscribeResult(
      response(second.say(encodeSubscribeRequest(1, { sessionId: en1 })), 1).result,
    );
    second.say(encodeAuthorizeRequest(2, 'addr1.rig1'));
    const replay = response(second.say(submitLine(5, notify, share)), 5);
    // Assert
    expect(again.error?.code).toBe(22);
    expect(resumed?.extranonce1).toBe(en1);
    expect(shared.counters.resumes).toBe(1);
    expect(replay.error?.code).toBe(22);
  });

  it('gives a fresh extranonce1 when the one asked for is in use', () => {
    const shared = rigShared();
    const a = new SessionRig({ shared });
    const { en1 } = goLive(a);
    const b = new SessionRig({ shared });
    const got = readSubscribeResult(
      response(b.say(encodeSubscribeRequest(1, { sessionId: en1 })), 1).result,
    );
    expect(got?.extranonce1).not.toBe(en1);
  });

  it('answers stale after clean_jobs with 21, and an unknown job with 21', () => {
    // Arrange
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    const share = grind(notify, en1, en2(1), EASY);
    // Act
    const pushed = rig.publish(poolJob('j2', true));
    const stale = response(rig.say(submitLine(3, notify, share)), 3);
    const unknown = response(rig.say(submitLine(4, { ...notify, jobId: 'nope' }, share)), 4);
    // Assert
    expect(kinds(pushed)).toEqual(['notify']);
    expect(pushed[0]).toMatchObject({ jobId: 'j2', cleanJobs: true });
    expect(stale.error).toEqual({ code: 21, message: 'Stale share: job not current' });
    expect(unknown.error?.code).toBe(21);
  });

  it('rejects a job that is active but was never sent to this session', () => {
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    rig.shared.jobs.publish(poolJob('j-unsent', false));
    const out = rig.say(
      submitLine(3, { ...notify, jobId: 'j-unsent' }, grind(notify, en1, en2(1), EASY)),
    );
    expect(response(out, 3).error?.code).toBe(21);
  });

  it('rejects malformed fields with 20 and low difficulty with 23', () => {
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    const miss = grind(notify, en1, en2(1), EASY, 'miss');
    expect(response(rig.say(submitLine(3, notify, miss)), 3).error?.code).toBe(23);
    expect(
      response(rig.say(submitLine(4, notify, { ...miss, extranonce2: '0102' })), 4).error?.code,
    ).toBe(20);
    expect(response(rig.say(submitLine(5, notify, { ...miss, nonce: 'zz' })), 5).error?.code).toBe(
      20,
    );
  });

  it('hands a block candidate on before the share is recorded', () => {
    // Arrange
    const shared = rigShared();
    shared.jobs.publish(poolJob('jb', true, true));
    const rig = new SessionRig({ shared });
    const { notify, en1 } = goLive(rig);
    const share = grind(notify, en1, en2(1), EASY);
    // Act
    rig.line(submitLine(3, notify, share));
    // Assert
    expect(rig.actions.map((a) => a.kind).slice(-2)).toEqual(['block', 'record']);
    const candidate = shared.sink.blocks[0];
    expect(candidate?.jobId).toBe('jb');
    expect(
      candidate?.header.equals(headerFromNotify(notify, en1, en2(1), share.ntime, share.nonce)),
    ).toBe(true);
    expect(shared.sink.accepted[0]?.verdict).toBe('block');
    expect(shared.counters.blocks).toBe(1);
  });

  it('rate-limits a submit flood with error 20 and never bans for it', () => {
    // Arrange
    const rig = new SessionRig({ config: { submitRate: { perSecond: 1, burst: 5 } } });
    const { notify, en1 } = goLive(rig);
    const miss = grind(notify, en1, en2(1), EASY, 'miss');
    // Act
    const codes: (number | undefined)[] = [];
    for (let i = 0; i < 200; i++)
      codes.push(response(rig.say(submitLine(10 + i, notify, miss)), 10 + i).error?.code);
    // Assert
    expect(codes.slice(0, 5)).toEqual([23, 23, 23, 23, 23]);
    expect(rig.shared.counters.sharesRejected['rate-limited']).toBe(195);
    expect(rig.closed).toBeUndefined();
  });

  it('closes and bans after sustained invalid shares', () => {
    // Arrange
    const rig = new SessionRig({ config: { ban: { minShares: 20, invalidPercent: 50 } } });
    const { notify, en1 } = goLive(rig);
    const miss = grind(notify, en1, en2(1), EASY, 'miss');
    // Act
    for (let i = 0; i < 19; i++) rig.say(submitLine(10 + i, notify, miss));
    const before = rig.closed;
    rig.say(submitLine(99, notify, miss));
    const after = rig.say(submitLine(100, notify, miss));
    // Assert
    expect(before).toBeUndefined();
    expect(rig.closed).toEqual({ reason: 'invalid-shares', banMs: 600_000 });
    expect(after).toEqual([]);
  });
});

describe('StratumSession vardiff', () => {
  const vardiff = { targetShareTimeMs: 10_000, retargetIntervalMs: 60_000, maxStepFactor: 4 };

  /** Submits easy shares until vardiff raises the difficulty; returns that reply's messages. */
  function floodUntilRaise(rig: SessionRig, notify: Notify, en1: string): ServerMessage[] {
    for (let i = 1; i <= 100; i++) {
      const out = rig.say(submitLine(100 + i, notify, grind(notify, en1, en2(i), EASY)));
      if (out.some((m) => m.kind === 'set-difficulty')) return out;
    }
    throw new Error('vardiff never moved');
  }

  it('raises the difficulty on a share flood: set_difficulty, then the current job under a new id', () => {
    // Arrange
    const rig = new SessionRig({ config: { vardiff } });
    const { notify, en1 } = goLive(rig);
    // Act
    const out = floodUntilRaise(rig, notify, en1);
    // Assert
    expect(kinds(out).slice(1)).toEqual(['set-difficulty', 'notify']);
    expect(out[1]).toEqual({ kind: 'set-difficulty', difficulty: 4e-8 });
    const resent = out[2] as Notify;
    expect(resent).toMatchObject({ kind: 'notify', cleanJobs: false });
    expect(resent.jobId).not.toBe(notify.jobId);
    expect({ ...resent, jobId: notify.jobId, cleanJobs: notify.cleanJobs }).toEqual(notify);
  });

  it('never credits a share above the difficulty its job id was sent at', () => {
    // Arrange: a share that meets the raised difficulty, mined from the job sent before the raise
    const rig = new SessionRig({ config: { vardiff } });
    const { notify, en1 } = goLive(rig);
    const resent = floodUntilRaise(rig, notify, en1)[2] as Notify;
    const lucky = grind(notify, en1, en2(1000), '0.00000004');
    const fresh = grind(resent, en1, en2(1001), '0.00000004');
    // Act
    const old = response(rig.say(submitLine(500, notify, lucky)), 500);
    const oldCredit = rig.shared.sink.accepted.at(-1);
    const now = response(rig.say(submitLine(501, resent, fresh)), 501);
    const newCredit = rig.shared.sink.accepted.at(-1);
    // Assert: the old id keeps the old difficulty, the alias carries the new one
    expect([old.result, now.result]).toEqual([true, true]);
    expect(oldCredit?.difficulty).toEqual({ num: 1n, den: 100_000_000n });
    expect(newCredit?.difficulty).toEqual({ num: 1n, den: 25_000_000n });
    expect([oldCredit?.jobId, newCredit?.jobId]).toEqual([notify.jobId, notify.jobId]);
  });

  it('judges the alias at the new difficulty and the old id at the old one, with no grace', () => {
    // Arrange
    const rig = new SessionRig({ config: { vardiff } });
    const { notify, en1 } = goLive(rig);
    const resent = floodUntilRaise(rig, notify, en1)[2] as Notify;
    const easy = targetOf(EASY);
    const hard = targetOf('0.00000004');
    const between = (n: Notify, e: number): GroundShare =>
      grindWhere(n, en1, en2(e), (h) => h <= easy && h > hard);
    // Act
    rig.nowMs += 1_000;
    const inFlight = response(rig.say(submitLine(500, notify, between(notify, 1000))), 500);
    const low = response(rig.say(submitLine(501, resent, between(resent, 1001))), 501);
    // Assert
    expect(inFlight.result).toBe(true);
    expect(low.error?.code).toBe(23);
  });

  it('takes one solution under the old id and its alias only once', () => {
    // Arrange
    const rig = new SessionRig({ config: { vardiff } });
    const { notify, en1 } = goLive(rig);
    const resent = floodUntilRaise(rig, notify, en1)[2] as Notify;
    const share = grind(notify, en1, en2(2000), '0.00000004');
    // Act
    const first = response(rig.say(submitLine(600, notify, share)), 600);
    const again = response(rig.say(submitLine(601, resent, share)), 601);
    // Assert
    expect(first.result).toBe(true);
    expect(again.error?.code).toBe(22);
  });

  it('lowers the difficulty of a silent miner on the tick', () => {
    const rig = new SessionRig({ config: { vardiff } });
    goLive(rig);
    const out = rig.tick(60_000);
    expect(kinds(out)).toEqual(['set-difficulty', 'notify']);
    expect(out[0]).toEqual({ kind: 'set-difficulty', difficulty: 2.5e-9 });
  });
});

describe('StratumSession extranonce renewal', () => {
  it('moves a subscribed miner to a new extranonce1: set_extranonce, then clean work under a new id', () => {
    // Arrange
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    rig.say(encodeExtranonceSubscribeRequest(3));
    const before = grind(notify, en1, en2(1), EASY);
    // Act
    const out = rig.run(rig.session.renewExtranonce()).map(readLine);
    // Assert
    expect(kinds(out)).toEqual(['set-extranonce', 'notify']);
    const set = out[0] as Extract<ServerMessage, { kind: 'set-extranonce' }>;
    const work = out[1] as Notify;
    expect(set.extranonce1).not.toBe(en1);
    expect(set.extranonce2Size).toBe(4);
    expect(work.cleanJobs).toBe(true);
    expect(work.jobId).not.toBe(notify.jobId);
    const fresh = grind(work, set.extranonce1, en2(2), EASY);
    const accepted = response(rig.say(submitLine(10, work, fresh)), 10);
    const old = response(rig.say(submitLine(11, notify, before)), 11);
    expect(accepted.result).toBe(true);
    expect(rig.shared.sink.accepted.at(-1)).toMatchObject({
      jobId: notify.jobId,
      sessionId: set.extranonce1,
    });
    expect(old.error?.code).toBe(21);
    expect(rig.shared.counters.extranonceChanges).toBe(1);
  });

  it('gives the old extranonce1 back and hands it to nobody else while the session holds the new one', () => {
    const rig = new SessionRig();
    const { en1 } = goLive(rig);
    rig.say(encodeExtranonceSubscribeRequest(3));
    const out = rig.run(rig.session.renewExtranonce()).map(readLine);
    const set = out[0] as Extract<ServerMessage, { kind: 'set-extranonce' }>;
    const other = new SessionRig({ shared: rig.shared });
    const resumedOld = response(other.say(encodeSubscribeRequest(1, { sessionId: en1 })), 1);
    const third = new SessionRig({ shared: rig.shared });
    const triedNew = response(
      third.say(encodeSubscribeRequest(1, { sessionId: set.extranonce1 })),
      1,
    );
    expect(readSubscribeResult(resumedOld.result)?.extranonce1).toBe(en1);
    expect(readSubscribeResult(triedNew.result)?.extranonce1).not.toBe(set.extranonce1);
  });

  it('asks a miner that never subscribed to extranonce changes to reconnect', () => {
    const rig = new SessionRig();
    goLive(rig);
    const out = rig.run(rig.session.renewExtranonce()).map(readLine);
    expect(kinds(out)).toEqual(['reconnect']);
    expect(rig.closed?.reason).toBe('reconnect');
  });
});
