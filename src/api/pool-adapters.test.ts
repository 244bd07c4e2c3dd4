import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../pool/core/algorithms/index.js';
import { BITCOIN_REGTEST_COIN } from '../pool/core/coins/index.js';
import { createPool, type Pool } from '../pool/pool.js';
import { MemoryLiveState } from '../pool/store/live/memory-live-state.js';
import { simRpcNode, submitSolved } from '../pool/pool-on-sim.fixtures.js';
import { TestMiner } from '../pool/stratum/stratum.fixtures.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { addressOf, startSimRpc, type SimRpc } from '../sim/chain/rpc/rpc.fixtures.js';
import type { PoolEvent } from './ports.js';
import { PoolEvents, PoolLiveStats, PoolNetworkControl } from './pool-adapters.js';

const SHARE_DIFFICULTY = '0.0000000001';

/** The API's views of a running pool, fed by real shares from a miner over TCP. */
describe('the API adapters over a running pool', () => {
  const wall = new WallScheduler(wallClock);
  const coin = BITCOIN_REGTEST_COIN;
  const minerAddress = addressOf(coin, 0xa1);
  let rpc: SimRpc;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;
  let stats: PoolLiveStats;
  let events: PoolEvents;
  const heard: PoolEvent[] = [];

  beforeAll(async () => {
    rpc = await startSimRpc({ coin, scheduler: wall });
    pool = createPool({
      coin,
      node: simRpcNode(rpc, coin, wall),
      algorithms: await createDefaultRegistry(),
      payoutAddress: addressOf(coin, 0x11),
      stratum: { difficulty: { start: SHARE_DIFFICULTY, min: SHARE_DIFFICULTY } },
      scheduler: wall,
      logger: pino({ level: 'silent' }),
    });
    const live = new MemoryLiveState({ bucketMs: 60_000, retentionMs: 26 * 3_600_000 });
    stats = new PoolLiveStats(pool, live, wall.clock, pino({ level: 'silent' }));
    events = new PoolEvents(pool);
    events.subscribe((e) => heard.push(e));
    const bound = await pool.listen('127.0.0.1', 0);
    await pool.start();
    socket = connect(bound.port, '127.0.0.1');
    miner = new TestMiner(socket);
  });

  afterAll(async () => {
    socket?.destroy();
    stats?.close();
    events?.close();
    await pool?.close();
    await rpc?.close();
    wall.clearAll();
  });

  it('shows live hashrate, workers and shares, and streams the block', async () => {
    // Arrange
    const user = `${minerAddress}.rig1`;
    const { extranonce1, notify: job } = await miner.handshake(user);
    const solved = { user, job, extranonce1, difficulty: SHARE_DIFFICULTY };
    // Act
    await submitSolved(miner, { ...solved, id: 10, extranonce2: '00000001', block: false });
    await submitSolved(miner, { ...solved, id: 11, extranonce2: '00000002', block: true });
    for (let i = 0; i < 100 && heard.length === 0; i++) {
      await new Promise<void>((r) => wall.setTimeout(r, 20));
    }
    const [network] = await stats.networks();
    const me = await stats.miner(coin.id, minerAddress);
    const nobody = await stats.miner(coin.id, addressOf(coin, 0xee));
    const history = await stats.hashrateHistory(coin.id, minerAddress);
    const control = new PoolNetworkControl(pool, wall, () => undefined);
    const refused = await control.switchTo('nope', 'grace');
    // Assert
    expect(network).toMatchObject({ network: coin.id, minersOnline: 1, workersOnline: 1 });
    expect(network!.poolHashrate).toBeGreaterThan(0);
    expect(network!.counters.sharesAccepted).toBe(2);
    expect(network!.height).toBeGreaterThanOrEqual(1);
    expect(me?.shares).toEqual({ accepted: 2, blocks: 1, rejected: {} });
    expect(me?.workers.map((w) => [w.name, w.online])).toEqual([['rig1', true]]);
    expect(me?.hashrate.map((h) => h.windowMs)).toEqual([600_000, 3_600_000, 86_400_000]);
    expect(me!.hashrate[0]!.hashesPerSecond).toBeGreaterThan(0);
    expect(nobody).toBeUndefined();
    expect(history).toHaveLength(96);
    expect(history.at(-1)!.hashesPerSecond).toBeGreaterThan(0);
    expect(heard).toMatchObject([{ type: 'block', network: coin.id, foundBy: minerAddress }]);
    expect(refused).toEqual({ kind: 'refused', reason: 'no network nope is configured' });
  });
});
