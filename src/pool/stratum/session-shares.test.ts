import { describe, expect, it } from 'vitest';
import { encodeAuthorizeRequest, encodeSubscribeRequest } from './codec/encode-requests.js';
import { readSubscribeResult } from './codec/client-results.js';
import type { ServerMessage } from './codec/messages.js';
import {
  SessionRig,
  en2,
  goLive,
  kinds,
  response,
  rigShared,
  submitLine,
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

  it('raises the difficulty on a share flood: set_difficulty, then the current job again', () => {
    // Arrange
    const rig = new SessionRig({ config: { vardiff } });
    const { notify, en1 } = goLive(rig);
    // Act
    let out: ServerMessage[] = [];
    for (let i = 1; !out.some((m) => m.kind === 'set-difficulty'); i++) {
      out = rig.say(submitLine(100 + i, notify, grind(notify, en1, en2(i), EASY)));
      if (i > 100) throw new Error('vardiff never moved');
    }
    // Assert
    expect(kinds(out).slice(1)).toEqual(['set-difficulty', 'notify']);
    expect(out[1]).toEqual({ kind: 'set-difficulty', difficulty: 4e-8 });
    expect(out[2]).toMatchObject({ kind: 'notify', jobId: 'j1', cleanJobs: false });
  });

  it('takes in-flight shares at the old difficulty during the raise grace, not after', () => {
    // Arrange
    const rig = new SessionRig({ config: { vardiff, raiseGraceMs: 5_000 } });
    const { notify, en1 } = goLive(rig);
    let i = 1;
    while (
      !rig
        .say(submitLine(100 + i, notify, grind(notify, en1, en2(i), EASY)))
        .some((m) => m.kind === 'set-difficulty')
    )
      i++;
    const easy = targetOf(EASY);
    const hard = targetOf('0.00000004');
    const between = (e: number): GroundShare =>
      grindWhere(notify, en1, en2(e), (h) => h <= easy && h > hard);
    // Act
    rig.nowMs += 1_000;
    const inGrace = response(rig.say(submitLine(500, notify, between(1000))), 500);
    rig.nowMs += 5_000;
    const late = response(rig.say(submitLine(501, notify, between(1001))), 501);
    // Assert
    expect(inGrace.result).toBe(true);
    expect(rig.shared.sink.accepted.at(-1)?.difficulty).toEqual({ num: 1n, den: 100_000_000n });
    expect(late.error?.code).toBe(23);
  });

  it('lowers the difficulty of a silent miner on the tick', () => {
    const rig = new SessionRig({ config: { vardiff } });
    goLive(rig);
    const out = rig.tick(60_000);
    expect(kinds(out)).toEqual(['set-difficulty', 'notify']);
    expect(out[0]).toEqual({ kind: 'set-difficulty', difficulty: 2.5e-9 });
  });
});
