import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeAuthorizeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
} from './codec/encode-requests.js';
import type { NotifyFields } from './codec/messages.js';
import { createHarness, type Harness } from './harness.fixtures.js';
import { TestMiner } from './miner.fixtures.js';
import { EASY, grind, poolJob, type GroundShare } from './stratum.fixtures.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function submit(id: number, n: NotifyFields, share: GroundShare, worker = 'addr1.rig1'): string {
  return encodeSubmitRequest(id, {
    workerName: worker,
    jobId: n.jobId,
    ...share,
    versionBits: undefined,
  });
}

describe('StratumServer over an in-memory stream', () => {
  it('runs a cpuminer-style session: accepted, duplicate, low difficulty, stale', async () => {
    // Arrange
    h = createHarness();
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    const good = grind(notify, en1, '0000000a', EASY);
    const bad = grind(notify, en1, '0000000b', EASY, 'miss');
    // Act
    miner.send(submit(3, notify, good));
    miner.send(
      submit(4, notify, { ...good, nonce: good.nonce.toUpperCase(), extranonce2: '0000000A' }),
    );
    miner.send(submit(5, notify, bad));
    const replies = [await miner.response(3), await miner.response(4), await miner.response(5)];
    h.jobs.publish(poolJob('j2', true));
    await miner.until((m) => m.kind === 'notify' && m.jobId === 'j2');
    miner.send(submit(6, notify, grind(notify, en1, '0000000c', EASY)));
    replies.push(await miner.response(6));
    // Assert
    expect(replies.map((r) => r.result ?? r.error?.code)).toEqual([true, 22, 23, 21]);
    expect(h.sink.accepted).toHaveLength(1);
    expect(h.sink.accepted[0]).toMatchObject({ address: 'addr1', worker: 'rig1', jobId: 'j1' });
    expect(h.sink.rejects.map((r) => r.reason)).toEqual([
      'duplicate',
      'low-difficulty',
      'stale-job',
    ]);
    expect(h.server.counters()).toMatchObject({
      sharesAccepted: 1,
      subscribes: 1,
      authorizes: { ok: 1, failed: 0 },
    });
    expect(miner.unreadable).toEqual([]);
  });

  it('answers true only after the record settles, and keeps later replies behind it', async () => {
    // Arrange
    h = createHarness();
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    h.sink.hold();
    const mark = miner.received.length;
    // Act
    miner.send(submit(3, notify, grind(notify, en1, '00000001', EASY)));
    miner.send(encodeSuggestDifficultyRequest(4, 0.001));
    await h.vt.advanceBy(0);
    const receivedWhileHeld = miner.received.length - mark;
    const held = h.sink.heldCount;
    h.sink.release();
    const first = await miner.next();
    const second = await miner.next();
    const third = await miner.next();
    // Assert
    expect(held).toBe(1);
    expect(receivedWhileHeld).toBe(0);
    expect(first).toMatchObject({ kind: 'response', id: 3, result: true });
    expect(second).toMatchObject({ kind: 'response', id: 4, result: true });
    expect(third).toMatchObject({ kind: 'set-difficulty', difficulty: 0.001 });
    expect(h.sink.accepted).toHaveLength(1);
  });

  it('answers a failed record with error 20 and counts it', async () => {
    h = createHarness();
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    h.sink.failNext();
    miner.send(submit(3, notify, grind(notify, en1, '00000001', EASY)));
    expect((await miner.response(3)).error).toEqual({
      code: 20,
      message: 'Share not recorded, pool error',
    });
    expect(h.server.counters().recordFailures).toBe(1);
  });

  it('serves several workers on one connection; a submit must name an authorized one', async () => {
    h = createHarness();
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake('addr1.a');
    miner.send(encodeAuthorizeRequest(3, 'addr2.b', 'x'));
    expect((await miner.response(3)).result).toBe(true);
    miner.send(submit(4, notify, grind(notify, en1, '00000001', EASY), 'addr2.b'));
    miner.send(submit(5, notify, grind(notify, en1, '00000002', EASY), 'addr3.c'));
    expect((await miner.response(4)).result).toBe(true);
    expect((await miner.response(5)).error?.code).toBe(24);
    expect(h.sink.accepted[0]).toMatchObject({ address: 'addr2', worker: 'b' });
  });

  it('sends every live session the new job, and keeps one failed connection from the others', async () => {
    h = createHarness();
    const a = h.connect('10.0.0.1');
    const b = h.connect('10.0.0.2');
    await a.handshake();
    await b.handshake();
    b.send('x'.repeat(20_000) + '\n');
    await b.closedByPool();
    h.jobs.publish(poolJob('j2', false));
    expect(await a.next()).toMatchObject({ kind: 'notify', jobId: 'j2', cleanJobs: false });
    expect(h.server.connectionCount).toBe(1);
  });

  it('answers 24 when the login validator itself fails, and keeps the connection', async () => {
    h = createHarness({
      logins: { validateLogin: () => Promise.reject(new Error('address service down')) },
    });
    const miner = h.connect();
    miner.send(encodeAuthorizeRequest(1, 'addr1.rig1', 'x'));
    expect((await miner.response(1)).error).toEqual({
      code: 24,
      message: 'Login check failed, try again later',
    });
    expect(miner.closed).toBe(false);
  });

  it('refuses to listen once closed', async () => {
    h = createHarness();
    await h.close();
    await expect(h.server.listen('127.0.0.1', 0)).rejects.toThrow(/STRATUM_SERVER_CLOSED/);
    h = undefined;
  });
});

describe('StratumServer writes', () => {
  it('answers a packet of several requests with one write', async () => {
    // Arrange
    h = createHarness();
    const stream = h.connectRaw();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    const miner = new TestMiner(stream);
    // Act: subscribe + authorize in one packet, then three submits in one packet
    miner.send(encodeSubscribeRequest(1) + encodeAuthorizeRequest(2, 'addr1.rig1', 'x'));
    const notify = await miner.until((m) => m.kind === 'notify');
    if (notify.kind !== 'notify') throw new Error('no notify');
    const handshakeChunks = chunks.length;
    const en1 = chunks.join('').match(/"result":\[\[.*?\],"([0-9a-f]{8})"/)?.[1] ?? '';
    miner.send(
      [1, 2, 3]
        .map((i) => submit(10 + i, notify, grind(notify, en1, `0000000${i}`, EASY)))
        .join(''),
    );
    const replies = [await miner.response(11), await miner.response(12), await miner.response(13)];
    // Assert
    expect(replies.map((r) => r.result)).toEqual([true, true, true]);
    // The subscribe answer at once; the authorize answer, set_difficulty and notify together
    // once the (asynchronous) login check answered; the three share answers together.
    expect(handshakeChunks).toBe(2);
    expect(chunks[1]!.split('\n').filter(Boolean)).toHaveLength(3);
    expect(chunks.length).toBe(3);
    expect(chunks[2]!.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
