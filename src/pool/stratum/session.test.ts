import { describe, expect, it } from 'vitest';
import {
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeExtranonceSubscribeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
  encodeSuggestTargetRequest,
} from './codec/encode-requests.js';
import { readConfigureResult, readSubscribeResult } from './codec/client-results.js';
import {
  SessionRig,
  en2,
  goLive,
  hashOf,
  kinds,
  response,
  rigShared,
  submitLine,
} from './session.fixtures.js';
import { EASY, grind, targetOf, type GroundShare } from './stratum.fixtures.js';

describe('StratumSession handshake', () => {
  it('answers a submit before subscribe with 25 only', () => {
    // Arrange
    const rig = new SessionRig();
    // Act
    const out = rig.say(
      encodeSubmitRequest(7, {
        workerName: 'a',
        jobId: 'j1',
        extranonce2: '00',
        ntime: '00',
        nonce: '00',
        versionBits: undefined,
      }),
    );
    // Assert
    expect(out).toHaveLength(1);
    expect(response(out, 7).error?.code).toBe(25);
    expect(rig.shared.sink.rejects[0]?.reason).toBe('not-subscribed');
  });

  it('subscribes with a unique extranonce1 and the configured extranonce2 size', () => {
    // Arrange
    const shared = rigShared();
    const a = new SessionRig({ shared, config: { extranonce2Size: 4 } });
    const b = new SessionRig({ shared });
    // Act
    const ra = readSubscribeResult(response(a.say(encodeSubscribeRequest(1)), 1).result);
    const rb = readSubscribeResult(response(b.say(encodeSubscribeRequest(1)), 1).result);
    // Assert
    expect(ra?.extranonce2Size).toBe(4);
    expect(ra?.extranonce1).toHaveLength(8);
    expect(ra?.extranonce1).not.toBe(rb?.extranonce1);
    expect(ra?.subscriptions.map(([m]) => m)).toEqual(['mining.set_difficulty', 'mining.notify']);
  });

  it('sends set_difficulty then notify once the first worker authorizes, and only then', () => {
    // Arrange
    const rig = new SessionRig();
    rig.say(encodeSubscribeRequest(1));
    // Act
    const first = rig.say(encodeAuthorizeRequest(2, 'addr1.rig1'));
    const second = rig.say(encodeAuthorizeRequest(3, 'addr1.rig2'));
    // Assert
    expect(kinds(first)).toEqual(['response:2', 'set-difficulty', 'notify']);
    expect(kinds(second)).toEqual(['response:3']);
    expect(rig.session.phase).toBe('authorized');
    expect(rig.session.workers.names()).toEqual(['addr1.rig1', 'addr1.rig2']);
  });

  it('takes authorize before subscribe and starts work at subscribe', () => {
    const rig = new SessionRig();
    expect(kinds(rig.say(encodeAuthorizeRequest(1, 'addr1')))).toEqual(['response:1']);
    expect(kinds(rig.say(encodeSubscribeRequest(2)))).toEqual([
      'response:2',
      'set-difficulty',
      'notify',
    ]);
  });

  it('refuses a bad login with 24 and its message, and submits naming it with 24', () => {
    // Arrange
    const rig = new SessionRig();
    const { notify, en1 } = goLive(rig);
    // Act
    const refused = response(rig.say(encodeAuthorizeRequest(5, 'badaddr.x')), 5);
    const out = rig.say(submitLine(6, notify, grind(notify, en1, en2(1), EASY), 'badaddr.x'));
    // Assert
    expect(refused.error).toEqual({ code: 24, message: 'Invalid address' });
    expect(response(out, 6).error?.code).toBe(24);
    expect(rig.shared.counters.authorizes).toEqual({ ok: 1, failed: 1 });
  });

  it('closes and bans after too many failed logins', () => {
    const rig = new SessionRig({ config: { ban: { maxFailedLogins: 3 } } });
    for (let i = 0; i < 3; i++) rig.say(encodeAuthorizeRequest(i, `bad${i}`));
    expect(rig.closed).toEqual({ reason: 'failed-logins', banMs: 600_000 });
  });

  it('caps the workers one connection may authorize', () => {
    const rig = new SessionRig({ config: { maxWorkersPerSession: 2 } });
    rig.say(encodeAuthorizeRequest(1, 'a.1'));
    rig.say(encodeAuthorizeRequest(2, 'a.2'));
    expect(response(rig.say(encodeAuthorizeRequest(3, 'a.3')), 3).error?.code).toBe(24);
    expect(response(rig.say(encodeAuthorizeRequest(4, 'a.1')), 4).result).toBe(true);
  });
});

describe('StratumSession configure and difficulty requests', () => {
  it('negotiates version rolling as the miner mask AND the pool mask, or false', () => {
    // Arrange
    const rig = new SessionRig({ config: { versionMask: 0x1fffe000 } });
    // Act
    const some = readConfigureResult(
      response(
        rig.say(
          encodeConfigureRequest(1, { versionRolling: { mask: 0x00fff000, minBitCount: 2 } }),
        ),
        1,
      ).result,
    );
    const none = readConfigureResult(
      response(rig.say(encodeConfigureRequest(2, { versionRolling: { mask: 0xe0000000 } })), 2)
        .result,
    );
    // Assert
    expect(some?.versionRolling).toEqual({ mask: 0x00ffe000 });
    expect(none?.versionRolling).toBe(false);
    expect(rig.session.judge.versionMask).toBe(0);
  });

  it('accepts a share with rolled version bits inside the negotiated mask', () => {
    // Arrange
    const rig = new SessionRig();
    rig.say(encodeConfigureRequest(1, { versionRolling: { mask: 0xffffffff } }));
    const { notify, en1 } = goLive(rig);
    const version = ((parseInt(notify.version, 16) | 0x00002000) >>> 0)
      .toString(16)
      .padStart(8, '0');
    const target = targetOf(EASY);
    let share: GroundShare | undefined;
    for (let nonce = 0; share === undefined; nonce++) {
      const n = nonce.toString(16).padStart(8, '0');
      if (hashOf(notify, en1, en2(9), n, version) <= target)
        share = { extranonce2: en2(9), ntime: notify.ntime, nonce: n };
    }
    // Act
    const out = rig.say(
      encodeSubmitRequest(3, {
        workerName: 'addr1.rig1',
        jobId: notify.jobId,
        ...share,
        versionBits: '00002000',
      }),
    );
    // Assert
    expect(response(out, 3).result).toBe(true);
  });

  it('answers unknown extensions false and honours minimum-difficulty within the pool bounds', () => {
    // Arrange
    const rig = new SessionRig({
      config: { difficulty: { start: EASY, min: '0.000000001', max: '0.001' } },
    });
    goLive(rig);
    // Act
    const out = rig.say(
      encodeConfigureRequest(4, { minimumDifficulty: 5, otherExtensions: ['x-unknown'] }),
    );
    // Assert
    const result = readConfigureResult(response(out, 4).result);
    expect(result).toMatchObject({ minimumDifficulty: true, unsupported: ['x-unknown'] });
    expect(kinds(out)).toEqual(['response:4', 'set-difficulty', 'notify']);
    expect(out[1]).toEqual({ kind: 'set-difficulty', difficulty: 0.001 });
    expect(out[2]).toMatchObject({ kind: 'notify', cleanJobs: false });
  });

  it('clamps a suggested difficulty to the pool bounds and sends set_difficulty before notify', () => {
    const rig = new SessionRig({
      config: { difficulty: { start: EASY, min: '0.000000001', max: '0.5' } },
    });
    goLive(rig);
    const out = rig.say(encodeSuggestDifficultyRequest(9, 1e9));
    expect(kinds(out)).toEqual(['response:9', 'set-difficulty', 'notify']);
    expect(out[1]).toEqual({ kind: 'set-difficulty', difficulty: 0.5 });
  });

  it('applies at most one suggestion per cooldown, however often the miner flips it', () => {
    // Arrange
    const rig = new SessionRig({ config: { suggestCooldownMs: 60_000 } });
    goLive(rig);
    // Act
    const sent: number[] = [];
    for (let s = 0; s < 120; s++) {
      rig.nowMs += 1000;
      for (const m of rig.say(encodeSuggestDifficultyRequest(s, s % 2 === 0 ? 0.001 : 0.000001))) {
        if (m.kind === 'set-difficulty') sent.push(m.difficulty);
      }
    }
    // Assert
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(rig.shared.counters.suggestionsIgnored).toBeGreaterThanOrEqual(118);
  });

  it('reads suggest_target as diff1 / target', () => {
    const rig = new SessionRig();
    goLive(rig);
    const out = rig.say(encodeSuggestTargetRequest(3, targetOf('0.0001')));
    expect(out[1]).toEqual({ kind: 'set-difficulty', difficulty: 0.0001 });
  });

  it('remembers mining.extranonce.subscribe', () => {
    const rig = new SessionRig();
    expect(response(rig.say(encodeExtranonceSubscribeRequest(1)), 1).result).toBe(true);
    expect(rig.session.extranonceSubscribed).toBe(true);
  });
});

describe('StratumSession deadlines, errors and reconnect', () => {
  it('closes a connection that does not finish the handshake in time, without a ban', () => {
    const rig = new SessionRig({ config: { handshakeTimeoutMs: 15_000 } });
    rig.say(encodeSubscribeRequest(1));
    expect(rig.tick(14_999)).toEqual([]);
    rig.tick(1);
    expect(rig.closed).toEqual({ reason: 'handshake-timeout', banMs: undefined });
  });

  it('closes an authorized miner idle past idleTimeoutMs', () => {
    const rig = new SessionRig({ config: { idleTimeoutMs: 120_000 } });
    goLive(rig);
    rig.tick(119_000);
    expect(rig.closed).toBeUndefined();
    rig.tick(1_000);
    expect(rig.closed?.reason).toBe('idle-timeout');
  });

  it('answers garbage with -32700 and id null, bad params with -32602 and their id, unknown methods with -32601', () => {
    const rig = new SessionRig();
    const garbage = rig.say('not json');
    const badParams = rig.say('{"id":7,"method":"mining.suggest_difficulty","params":["x"]}');
    const unknown = rig.say('{"id":8,"method":"mining.capabilities","params":[]}');
    expect(garbage[0]).toMatchObject({ kind: 'response', id: null, error: { code: -32700 } });
    expect(badParams[0]).toMatchObject({ kind: 'response', id: 7, error: { code: -32602 } });
    expect(unknown[0]).toMatchObject({ kind: 'response', id: 8, error: { code: -32601 } });
    expect(rig.closed).toBeUndefined();
  });

  it('bans after maxProtocolErrors unparseable lines, but never for unknown methods', () => {
    const rig = new SessionRig({ config: { ban: { maxProtocolErrors: 5 } } });
    for (let i = 0; i < 50; i++) rig.say(`{"id":${i},"method":"x.${i}","params":[]}`);
    expect(rig.closed).toBeUndefined();
    for (let i = 0; i < 5; i++) rig.say('}{');
    expect(rig.closed).toEqual({ reason: 'protocol-abuse', banMs: 600_000 });
  });

  it('sends client.reconnect and closes', () => {
    const rig = new SessionRig();
    goLive(rig);
    const lines = rig.run(rig.session.reconnect({ host: 'pool.example', port: 3334 }));
    expect(lines).toEqual([
      '{"id":null,"method":"client.reconnect","params":["pool.example",3334]}\n',
    ]);
    expect(rig.closed?.reason).toBe('reconnect');
  });
});
