import { afterEach, describe, expect, it } from 'vitest';
import { encodeSubmitRequest } from './codec/encode-requests.js';
import { createHarness, type Harness } from './harness.fixtures.js';
import { EASY, grind } from './stratum.fixtures.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('StratumServer shutdown', () => {
  it('sends client.reconnect after in-flight answers, lets records finish, then closes', async () => {
    // Arrange
    h = createHarness();
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    h.sink.hold();
    const share = grind(notify, en1, '00000001', EASY);
    miner.send(
      encodeSubmitRequest(3, {
        workerName: 'addr1.rig1',
        jobId: 'j1',
        ...share,
        versionBits: undefined,
      }),
    );
    await h.vt.advanceBy(0);
    // Act
    const closing = h.server.close({ reconnect: { host: 'pool-b.example', port: 3333 } });
    await h.vt.advanceBy(0);
    const openWhileHeld = !miner.closed;
    h.sink.release();
    await closing;
    await miner.closedByPool();
    // Assert
    expect(openWhileHeld).toBe(true);
    expect(miner.received.slice(-2)).toEqual([
      { kind: 'response', id: 3, result: true, error: undefined },
      { kind: 'reconnect', host: 'pool-b.example', port: 3333, waitSeconds: undefined },
    ]);
    expect(h.sink.accepted).toHaveLength(1);
    expect(h.server.counters().disconnects.reconnect).toBe(1);
    expect(h.jobs.listenerCount).toBe(0);
  });

  it('refuses new connections once closing and destroys what is left after the grace', async () => {
    // Arrange
    h = createHarness({ config: { shutdownGraceMs: 5_000 } });
    const miner = h.connect();
    const { extranonce1: en1, notify } = await miner.handshake();
    h.sink.hold();
    const share = grind(notify, en1, '00000001', EASY);
    miner.send(
      encodeSubmitRequest(3, {
        workerName: 'addr1.rig1',
        jobId: 'j1',
        ...share,
        versionBits: undefined,
      }),
    );
    await h.vt.advanceBy(0);
    // Act
    const closing = h.server.close();
    const late = h.connect('10.0.0.7');
    await late.closedByPool();
    await h.vt.advanceBy(5_000);
    await closing;
    // Assert
    expect(miner.closed).toBe(true);
    expect(h.server.connectionCount).toBe(0);
    expect(h.server.counters().connectionsRefused.closing).toBe(1);
  });

  it('reconnectAll sends client.reconnect to every session and closes them', async () => {
    h = createHarness();
    const a = h.connect('10.0.0.1');
    const b = h.connect('10.0.0.2');
    await a.handshake();
    await b.handshake();
    h.server.reconnectAll();
    expect(await a.next()).toMatchObject({ kind: 'reconnect', host: undefined });
    expect(await b.next()).toMatchObject({ kind: 'reconnect' });
    await a.closedByPool();
    await b.closedByPool();
    expect(h.server.connectionCount).toBe(0);
  });
});
