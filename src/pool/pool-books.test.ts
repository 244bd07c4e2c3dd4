import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { addressOf, startSimRpc, type SimRpc } from '../sim/chain/rpc/rpc.fixtures.js';
import { createDefaultRegistry } from './core/algorithms/index.js';
import { BITCOIN_REGTEST_COIN } from './core/coins/index.js';
import { JsonRpcClient } from './node/json-rpc-client.js';
import { RpcWalletPayments } from './payouts/rpc-wallet-payments.js';
import { createPool, type Pool } from './pool.js';
import { openStore, type Store } from './store/store.js';
import { TestMiner } from './stratum/stratum.fixtures.js';
import { simRpcNode, submitSolved } from './pool-on-sim.fixtures.js';

const SHARE_DIFFICULTY = '0.0000000001';

/**
 * createPool with its durable books (embedded PGlite) against the simulator's daemon over
 * RPC, on the wall clock: shares go to the ledger, the block the daemon accepts becomes a
 * PPLNS round with exact credits, the credits mature with the coinbase, and the payout is
 * sent through the daemon's wallet, once.
 */
describe('the pool with its books (PGlite) against the simulator daemon', () => {
  const wall = new WallScheduler(wallClock);
  const coin = BITCOIN_REGTEST_COIN;
  const minerAddress = addressOf(coin, 0xa1);
  let rpc: SimRpc;
  let store: Store;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;
  let held = true;

  beforeAll(async () => {
    rpc = await startSimRpc({ coin, scheduler: wall });
    store = await openStore();
    const payoutAddress = String(await rpc.client().call('getnewaddress'));
    pool = createPool({
      coin,
      node: simRpcNode(rpc, coin, wall),
      algorithms: await createDefaultRegistry(),
      payoutAddress,
      stratum: { difficulty: { start: SHARE_DIFFICULTY, min: SHARE_DIFFICULTY } },
      scheduler: wall,
      logger: pino({ level: 'silent' }),
      books: {
        store,
        // The wallet is asked over RPC, as chimera pool asks a real daemon's.
        wallet: new RpcWalletPayments({
          client: new JsonRpcClient({ url: rpc.server.urlWithCredentials, scheduler: wall }),
        }),
        // Steps are driven by the test; a day between automatic ones.
        settings: { feeBps: 200, minPayoutSats: 1n, stepIntervalMs: 86_400_000 },
        payoutsHeld: () => Promise.resolve(held),
      },
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
    await rpc?.close();
    wall.clearAll();
  });

  it('ledgers shares, credits the block exactly, matures it and pays the miner once', async () => {
    // Arrange
    const user = `${minerAddress}.rig1`;
    const { extranonce1, notify: job } = await miner.handshake(user);
    const solved = { user, job, extranonce1, difficulty: SHARE_DIFFICULTY };
    // Act: a share, then a block; the answers come after the commits (durable mode)
    const first = await submitSolved(miner, {
      ...solved,
      id: 10,
      extranonce2: '00000001',
      block: false,
    });
    const inLedger = (await store.sql.query('SELECT count(*) AS n FROM shares')).rows[0]?.['n'];
    await submitSolved(miner, { ...solved, id: 11, extranonce2: '00000002', block: true });
    const books = pool.books!;
    await books.rounds.runOnce();
    for (let i = 0; i < 100 && (await store.blocks.list(coin.id)).every((b) => !b.round); i++) {
      await new Promise<void>((r) => wall.setTimeout(r, 20));
      await books.rounds.runOnce();
    }
    const found = pool.blocks[0]!;
    const credits = await store.blocks.credits(coin.id, found.blockHash);
    rpc.sim.generate(99);
    const early = await books.follower.runOnce();
    rpc.sim.generate(1);
    const mature = await books.follower.runOnce();
    const whileHeld = await books.payOnce(books.sender!);
    const paidWhileHeld = rpc.sim.wallet!.payments().length;
    held = false;
    const sent = await books.payOnce(books.sender!);
    const again = await books.payOnce(books.sender!);
    // Assert
    expect(first.result).toBe(true);
    expect(Number(inLedger)).toBe(1);
    expect(found.result).toEqual({ kind: 'accepted' });
    const reward = found.rewardSats;
    const fee = (reward * 200n) / 10_000n;
    expect(credits.map((c) => [c.account, c.amountSats])).toEqual([[minerAddress, reward - fee]]);
    expect(early.checks.map((c) => c.kind)).toEqual(['maturing']);
    expect(mature.checks.map((c) => c.kind)).toEqual(['confirmed']);
    expect([whileHeld, paidWhileHeld]).toEqual([[], 0]);
    expect(sent.map((e) => e.kind)).toEqual(['planned', 'sent']);
    expect(again.filter((e) => e.kind === 'sent' || e.kind === 'planned')).toEqual([]);
    const paid = rpc.sim.wallet!.payments().filter((p) => p.outputs.has(minerAddress));
    expect(paid).toHaveLength(1);
    expect(paid[0]!.outputs.get(minerAddress)).toBe(reward - fee);
  });
});
