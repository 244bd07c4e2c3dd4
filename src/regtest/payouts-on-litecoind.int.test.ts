import { scryptSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { createDefaultRegistry } from '../pool/core/algorithms/index.js';
import { hashToBigInt } from '../pool/core/bytes.js';
import { LITECOIN_REGTEST_COIN } from '../pool/core/coins/index.js';
import { coinTextToSats } from '../pool/node/coin-amount.js';
import { JsonNumber } from '../pool/node/exact-json.js';
import { JsonRpcClient } from '../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../pool/node/rpc-chain-node.js';
import { RpcWalletPayments } from '../pool/payouts/rpc-wallet-payments.js';
import { createPool, type Pool } from '../pool/pool.js';
import { openStore, type Store } from '../pool/store/store.js';
import { encodeSubmitRequest } from '../pool/stratum/codec/encode-requests.js';
import {
  headerFromNotify,
  TestMiner,
  type NotifyMessage,
} from '../pool/stratum/stratum.fixtures.js';
import { startLitecoinRegtest, type RegtestNode } from './regtest-node.js';

const gate = await serviceGate('litecoind', probeLitecoind);
const REGTEST_TARGET = 0x7fffffn << 232n;

/**
 * PPLNS payouts through a real litecoind wallet: the pool with its books finds a block on
 * litecoind, credits the miners of its window exactly, waits for the coinbase to mature, and
 * pays them with sendmany (the plan id as the comment), once; the daemon's own books say the
 * miners received what the pool credited.
 */
describe.skipIf(gate.skip)('payouts through a real litecoind wallet (regtest)', () => {
  const wall = new WallScheduler(wallClock);
  let node: RegtestNode;
  let store: Store;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;
  let minerA: string;
  let minerB: string;

  beforeAll(async () => {
    node = await startLitecoinRegtest({ scheduler: wall, binary: await litecoindBinary() });
    const payoutAddress = await node.newAddress('bech32');
    // Miners outside the pool's wallet would be best; the wallet's own addresses are still
    // ordinary outputs of the payout transaction, which is what is checked.
    minerA = await node.newAddress('bech32');
    minerB = await node.newAddress('bech32');
    const url = new URL(node.rpcUrl);
    url.username = node.rpcUser;
    url.password = node.rpcPassword;
    const client = new JsonRpcClient({ url: url.toString(), scheduler: wall });
    store = await openStore();
    pool = createPool({
      coin: LITECOIN_REGTEST_COIN,
      node: new RpcChainNode({
        client,
        scheduler: wall,
        rules: LITECOIN_REGTEST_COIN.templateRules,
      }),
      algorithms: await createDefaultRegistry(),
      payoutAddress,
      stratum: { difficulty: { start: '0.000001', min: '0.000001' } },
      scheduler: wall,
      logger: pino({ level: 'silent' }),
      books: {
        store,
        wallet: new RpcWalletPayments({ client }),
        settings: { feeBps: 100, minPayoutSats: 1n, stepIntervalMs: 86_400_000 },
      },
    });
    const bound = await pool.listen('127.0.0.1', 0);
    await pool.start();
    socket = connect(bound.port, '127.0.0.1');
    miner = new TestMiner(socket);
  }, 120_000);

  afterAll(async () => {
    socket?.destroy();
    await pool?.close();
    await store?.close();
    await node?.close();
    wall.clearAll();
  });

  function solve(notify: NotifyMessage, en1: string, en2: string, block: boolean): string {
    const header = headerFromNotify(notify, en1, en2, notify.ntime, '00000000');
    for (let nonce = 0; nonce < 10_000; nonce++) {
      header.writeUInt32LE(nonce, 76);
      const hash = hashToBigInt(scryptSync(header, header, 32, { N: 1024, r: 1, p: 1 }));
      if (hash <= REGTEST_TARGET === block) return nonce.toString(16).padStart(8, '0');
    }
    throw new Error('no nonce found');
  }

  it('credits the window exactly and pays it from the wallet once the coinbase matured', async () => {
    // Arrange: two workers of two miners on one connection; B's share, then A's block
    const { extranonce1, notify } = await miner.handshake(`${minerA}.rig1`);
    miner.send(`{"id":5,"method":"mining.authorize","params":["${minerB}.rig2","x"]}\n`);
    await miner.response(5);
    const submit = (id: number, worker: string, en2: string, block: boolean) =>
      miner.send(
        encodeSubmitRequest(id, {
          workerName: worker,
          jobId: notify.jobId,
          extranonce2: en2,
          ntime: notify.ntime,
          nonce: solve(notify, extranonce1, en2, block),
          versionBits: undefined,
        }),
      );
    submit(10, `${minerB}.rig2`, '00000001', false);
    const shareB = await miner.response(10);
    submit(11, `${minerA}.rig1`, '00000002', true);
    const blockA = await miner.response(11);
    const books = pool.books!;
    for (
      let i = 0;
      i < 200 && (await store.blocks.list(LITECOIN_REGTEST_COIN.id)).every((b) => !b.round);
      i++
    ) {
      await new Promise<void>((r) => wall.setTimeout(r, 25));
      await books.rounds.runOnce();
    }
    const found = pool.blocks[0]!;
    const credits = new Map(
      (await store.blocks.credits(LITECOIN_REGTEST_COIN.id, found.blockHash)).map((c) => [
        c.account,
        c.amountSats,
      ]),
    );
    // Act: maturity on the daemon's chain, then the payout
    await node.mine(99);
    const early = await books.follower.runOnce();
    await node.mine(1);
    const mature = await books.follower.runOnce();
    const sent = await books.sender!.runOnce();
    await node.mine(1);
    const received = async (address: string) =>
      coinTextToSats(
        (
          (await node.rpc('getreceivedbyaddress', [address, 1], {
            exactNumbers: true,
          })) as JsonNumber
        ).text,
      );
    const again = await books.sender!.runOnce();
    // Assert
    expect([shareB.result, blockA.result]).toEqual([true, true]);
    expect(found.result).toEqual({ kind: 'accepted' });
    const fee = (found.rewardSats * 100n) / 10_000n;
    expect([...credits.values()].reduce((a, b) => a + b, 0n)).toBe(found.rewardSats - fee);
    expect(credits.get(minerA)! + credits.get(minerB)!).toBe(found.rewardSats - fee);
    // One share each at one difficulty: equal work, equal credit to the satoshi (or one apart).
    const gap = credits.get(minerA)! - credits.get(minerB)!;
    expect(gap >= -1n && gap <= 1n).toBe(true);
    expect(early.checks.map((c) => c.kind)).toEqual(['maturing']);
    expect(mature.checks.map((c) => c.kind)).toEqual(['confirmed']);
    expect(sent.map((e) => e.kind)).toEqual(['planned', 'sent']);
    expect(await received(minerA)).toBe(credits.get(minerA));
    expect(await received(minerB)).toBe(credits.get(minerB));
    expect(again.filter((e) => e.kind === 'planned' || e.kind === 'sent')).toEqual([]);
  }, 180_000);
});
