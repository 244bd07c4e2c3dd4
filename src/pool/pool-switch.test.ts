import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { addressOf, startSimRpc, type SimRpc } from '../sim/chain/rpc/rpc.fixtures.js';
import { createDefaultRegistry } from './core/algorithms/index.js';
import { BITCOIN_REGTEST_COIN, SIM_SHA256D_COIN } from './core/coins/index.js';
import { createPool, type Pool } from './pool.js';
import { walletPaymentsOf } from './payouts/wallet-payments.js';
import { openStore, type Store } from './store/store.js';
import type { ServerMessage } from './stratum/codec/messages.js';
import { TestMiner } from './stratum/stratum.fixtures.js';
import { simRpcNode, submitSolved } from './pool-on-sim.fixtures.js';

const SHARE_DIFFICULTY = '0.0000000001';

/**
 * The pool with two networks of one proof of work, each behind its own simulator daemon over
 * RPC, on the wall clock: a miner connected to the first is switched to the second without
 * reconnecting, its shares are booked on the network they were mined for, and the switch is
 * in the store's history with who asked.
 */
describe('the pool switches networks while a miner stays connected', () => {
  const wall = new WallScheduler(wallClock);
  let first: SimRpc;
  let second: SimRpc;
  let store: Store;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;

  beforeAll(async () => {
    first = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: wall });
    second = await startSimRpc({ coin: SIM_SHA256D_COIN, scheduler: wall });
    store = await openStore();
    pool = createPool({
      coin: BITCOIN_REGTEST_COIN,
      node: simRpcNode(first, BITCOIN_REGTEST_COIN, wall),
      algorithms: await createDefaultRegistry(),
      payoutAddress: addressOf(BITCOIN_REGTEST_COIN, 0x11),
      stratum: { difficulty: { start: SHARE_DIFFICULTY, min: SHARE_DIFFICULTY } },
      scheduler: wall,
      logger: pino({ level: 'silent' }),
      books: { store },
      networks: [
        {
          coin: SIM_SHA256D_COIN,
          node: simRpcNode(second, SIM_SHA256D_COIN, wall),
          payoutAddress: addressOf(SIM_SHA256D_COIN, 0x22),
          wallet: walletPaymentsOf(second.sim.wallet!),
        },
      ],
      switchPolicy: { canaryFraction: 1, canaryMs: 300, checkIntervalMs: 100, graceMs: 2_000 },
    });
    const bound = await pool.listen('127.0.0.1', 0);
    await pool.start();
    socket = connect(bound.port, '127.0.0.1');
    miner = new TestMiner(socket);
  });

  afterAll(async () => {
    socket?.destroy();
    await pool?.close();
    await store?.close();
    await first?.close();
    await second?.close();
    wall.clearAll();
  });

  async function arrival(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    for (;;) {
      const found = miner.received.find(match);
      if (found !== undefined) return found;
      await miner.next();
    }
  }

  it('moves the miner in place and books each share on its own network', async () => {
    // Arrange: mining on bitcoin-regtest
    const user = `${addressOf(BITCOIN_REGTEST_COIN, 0xa1)}.rig1`;
    const { extranonce1, notify: before } = await miner.handshake(user);
    const solved = { user, extranonce1, difficulty: SHARE_DIFFICULTY, block: false };
    const onFirst = await submitSolved(miner, {
      ...solved,
      id: 10,
      job: before,
      extranonce2: '00000010',
    });
    // Act: switch; wait for the other network's clean work
    for (
      let i = 0;
      i < 50 && pool.networks.get(SIM_SHA256D_COIN.id)!.jobs.current() === undefined;
      i++
    ) {
      await new Promise<void>((r) => wall.setTimeout(r, 20));
    }
    const outcome = await pool.switcher.switchTo(SIM_SHA256D_COIN.id, { actor: 'erin' });
    const after = await arrival(
      (m) => m.kind === 'notify' && m.cleanJobs && m.prevHash !== before.prevHash,
    );
    if (after.kind !== 'notify') throw new Error('no notify');
    const onSecond = await submitSolved(miner, {
      ...solved,
      id: 11,
      job: after,
      extranonce2: '00000011',
    });
    const history = await store.switches.recent(10);
    // Assert
    expect(onFirst.result).toBe(true);
    // Each network pays from its own daemon's wallet: only the one given none sends nothing.
    expect(pool.books?.sender).toBeUndefined();
    expect(pool.networks.get(SIM_SHA256D_COIN.id)?.books?.sender).toBeDefined();
    expect(outcome).toMatchObject({ kind: 'completed', canary: { moved: 1, reconnected: 0 } });
    expect(onSecond.result).toBe(true);
    expect(after.jobId.startsWith('1')).toBe(true);
    expect(pool.server.sessionsByNetwork()).toEqual(new Map([[SIM_SHA256D_COIN.id, 1]]));
    const rows = await store.sql.query('SELECT network, job_id FROM shares ORDER BY id');
    expect(rows.rows.map((r) => [r['network'], r['job_id']])).toEqual([
      [BITCOIN_REGTEST_COIN.id, before.jobId],
      [SIM_SHA256D_COIN.id, after.jobId],
    ]);
    expect(history.map((e) => [e.phase, e.from, e.to, e.actor])).toEqual([
      ['completed', BITCOIN_REGTEST_COIN.id, SIM_SHA256D_COIN.id, 'erin'],
      ['started', BITCOIN_REGTEST_COIN.id, SIM_SHA256D_COIN.id, 'erin'],
    ]);
  });
});
