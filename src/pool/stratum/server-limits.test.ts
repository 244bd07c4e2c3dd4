import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeAuthorizeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
} from './codec/encode-requests.js';
import { createHarness, type Harness } from './harness.fixtures.js';
import { createDuplexPair } from './memory-duplex.js';
import { EASY, grind, poolJob } from './stratum.fixtures.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('StratumServer limits', () => {
  it('answers an oversize line with an error, closes, and keeps serving others', async () => {
    // Arrange
    h = createHarness({ config: { maxLineBytes: 1024 } });
    const abuser = h.connect('10.0.0.9');
    const honest = h.connect('10.0.0.1');
    // Act
    abuser.send('{"id":1,"method":"mining.subscribe","params":["' + 'a'.repeat(4096));
    const reply = await abuser.next();
    await abuser.closedByPool();
    const { notify } = await honest.handshake();
    // Assert
    expect(reply).toMatchObject({
      kind: 'response',
      id: null,
      error: { code: -32600, message: 'Line too long' },
    });
    expect(h.server.counters()).toMatchObject({
      oversizeLines: 1,
      disconnects: { 'oversize-line': 1 },
    });
    expect(notify.jobId).toBe('j1');
  });

  it('closes a connection that does not subscribe and authorize within the handshake timeout', async () => {
    // Arrange
    h = createHarness({ config: { handshakeTimeoutMs: 15_000 } });
    const miner = h.connect();
    miner.send(encodeSubscribeRequest(1));
    await miner.response(1);
    // Act
    await h.vt.advanceBy(14_000);
    const openAt14s = !miner.closed;
    await h.vt.advanceBy(1_000);
    await miner.closedByPool();
    // Assert
    expect(openAt14s).toBe(true);
    expect(h.server.counters().disconnects['handshake-timeout']).toBe(1);
  });

  it('does not let bytes trickling without a newline keep a connection (slowloris)', async () => {
    // Arrange
    h = createHarness({ config: { handshakeTimeoutMs: 10_000, idleTimeoutMs: 60_000 } });
    const early = h.connect('10.0.0.1');
    const late = h.connect('10.0.0.2');
    await late.handshake();
    // Act: one byte a second, never a full line
    for (let s = 0; s < 70; s++) {
      if (!early.closed) early.send('{');
      if (!late.closed) late.send('{');
      await h.vt.advanceBy(1_000);
    }
    await early.closedByPool();
    await late.closedByPool();
    // Assert
    const c = h.server.counters();
    expect(c.disconnects['handshake-timeout']).toBe(1);
    expect(c.disconnects['idle-timeout']).toBe(1);
  });

  it('rate-limits a submit flood on the injected clock and keeps the miner', async () => {
    // Arrange
    h = createHarness({ config: { submitRate: { perSecond: 10, burst: 20 } } });
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    const miss = grind(notify, en1, '00000001', EASY, 'miss');
    const submit = (id: number): string =>
      encodeSubmitRequest(id, {
        workerName: 'addr1.rig1',
        jobId: notify.jobId,
        ...miss,
        versionBits: undefined,
      });
    // Act
    miner.send(Array.from({ length: 100 }, (_, i) => submit(100 + i)).join(''));
    const flood = [];
    for (let i = 0; i < 100; i++) flood.push(await miner.response(100 + i));
    await h.vt.advanceBy(1_000);
    miner.send(submit(300));
    const later = await miner.response(300);
    // Assert
    expect(flood.filter((r) => r.error?.code === 23)).toHaveLength(20);
    expect(flood.filter((r) => r.error?.message === 'Too many submits, slow down')).toHaveLength(
      80,
    );
    expect(later.error?.code).toBe(23);
    expect(miner.closed).toBe(false);
  });

  it('bans an IP after sustained invalid shares, refuses it for the ban, then lets it back', async () => {
    // Arrange
    h = createHarness({
      config: { ban: { minShares: 10, invalidPercent: 50, durationMs: 60_000 } },
    });
    const miner = h.connect('10.6.6.6');
    const { extranonce1: en1, notify } = await miner.handshake();
    const miss = grind(notify, en1, '00000001', EASY, 'miss');
    // Act
    for (let i = 0; i < 10; i++) {
      miner.send(
        encodeSubmitRequest(10 + i, {
          workerName: 'addr1.rig1',
          jobId: 'j1',
          ...miss,
          versionBits: undefined,
        }),
      );
    }
    await miner.closedByPool();
    const refused = h.connect('10.6.6.6');
    await refused.closedByPool();
    const other = h.connect('10.0.0.1');
    await other.handshake();
    await h.vt.advanceBy(60_000);
    const back = h.connect('10.6.6.6');
    await back.handshake();
    // Assert
    const c = h.server.counters();
    expect(c.disconnects['invalid-shares']).toBe(1);
    expect(c.bans).toBe(1);
    expect(c.connectionsRefused.banned).toBe(1);
    expect(back.closed).toBe(false);
  });

  it('drops a miner that does not read once its unread output passes the limit', async () => {
    // Arrange
    h = createHarness({ config: { maxWriteBufferBytes: 8 * 1024 } });
    const raw = h.connectRaw('10.0.0.5', 1024);
    raw.write(encodeSubscribeRequest(1) + encodeAuthorizeRequest(2, 'addr1.rig1'));
    await h.vt.advanceBy(0);
    // Act: every job is a notify of about 700 bytes that the miner never reads
    for (let i = 2; i <= 40 && h.server.connectionCount > 0; i++) {
      h.jobs.publish(poolJob(`j${i}`, false));
      await h.vt.advanceBy(0);
    }
    // Assert
    expect(h.server.connectionCount).toBe(0);
    expect(h.server.counters().disconnects['slow-reader']).toBe(1);
    expect(raw.readableLength).toBeLessThanOrEqual(2048);
  });

  it('refuses connections beyond maxConnections and beyond the per-IP limit', async () => {
    h = createHarness({ config: { maxConnections: 3, maxConnectionsPerIp: 2 } });
    const a = h.connect('10.0.0.1');
    h.connect('10.0.0.1');
    const thirdSameIp = h.connect('10.0.0.1');
    h.connect('10.0.0.2');
    const beyond = h.connect('10.0.0.3');
    await thirdSameIp.closedByPool();
    await beyond.closedByPool();
    await a.handshake();
    expect(h.server.counters().connectionsRefused).toMatchObject({ full: 1, perIp: 1 });
    expect(h.server.connectionCount).toBe(3);
  });

  it('drops a connection whose actions pile up behind an unfinished record', async () => {
    // Arrange
    h = createHarness({ config: { maxPendingActions: 8 } });
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    h.sink.hold();
    // Act
    const share = grind(notify, en1, '00000001', EASY);
    miner.send(
      encodeSubmitRequest(3, {
        workerName: 'addr1.rig1',
        jobId: 'j1',
        ...share,
        versionBits: undefined,
      }),
    );
    miner.send(
      Array.from(
        { length: 20 },
        (_, i) => `{"id":${10 + i},"method":"mining.extranonce.subscribe"}\n`,
      ).join(''),
    );
    await miner.closedByPool();
    // Assert
    expect(h.server.counters().disconnects['output-backlog']).toBe(1);
  });
});

describe('StratumServer and the operator bans', () => {
  it('closes and refuses a banned IP and a banned payout address, and lets them back when lifted', async () => {
    // Arrange
    h = createHarness();
    const fromIp = h.connect('10.9.9.9');
    await fromIp.handshake('addr1.rig1');
    const byAddress = h.connect('10.0.0.5');
    await byAddress.handshake('addr7.rig1');
    const bystander = h.connect('10.0.0.6');
    await bystander.handshake('addr2.rig1');
    // Act
    const closed = h.server.setOperatorBans({
      ips: new Set(['10.9.9.9']),
      addresses: new Set(['addr7']),
    });
    await fromIp.closedByPool();
    await byAddress.closedByPool();
    const refusedIp = h.server.attach(createDuplexPair()[0], { remoteAddress: '10.9.9.9' });
    const again = h.connect('10.0.0.7');
    again.send('{"id":1,"method":"mining.subscribe","params":[]}\n');
    await again.response(1);
    again.send('{"id":2,"method":"mining.authorize","params":["addr7.rig2","x"]}\n');
    const refusedLogin = await again.response(2);
    h.server.setOperatorBans({ ips: new Set(), addresses: new Set() });
    const back = h.server.attach(createDuplexPair()[0], { remoteAddress: '10.9.9.9' });
    // Assert
    expect(closed).toBe(2);
    expect(bystander.closed).toBe(false);
    expect(h.server.counters().disconnects['operator-ban']).toBe(2);
    expect(refusedIp).toEqual({ ok: false, reason: 'banned' });
    expect(refusedLogin.error).toMatchObject({
      code: 24,
      message: 'this address is banned by the pool operator',
    });
    expect(back).toEqual({ ok: true });
  });
});
