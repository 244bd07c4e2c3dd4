import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../../pool/core/algorithms/index.js';
import { BITCOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import { coinTextToSats } from '../../../pool/node/coin-amount.js';
import { JsonRpcClient } from '../../../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../../../pool/node/rpc-chain-node.js';
import { createPool, type Pool } from '../../../pool/pool.js';
import { encodeSubmitRequest } from '../../../pool/stratum/codec/encode-requests.js';
import type { ServerMessage } from '../../../pool/stratum/codec/messages.js';
import { grindWhere, targetOf, TestMiner } from '../../../pool/stratum/stratum.fixtures.js';
import { WallScheduler, wallClock } from '../../../runtime/index.js';
import { addressOf, startSimRpc, type SimRpc } from './rpc.fixtures.js';

/** Bitcoin regtest's target (bits 207fffff): about half of all hashes are blocks. */
const NETWORK_TARGET = 0x7fffffn << 232n;
/** Easier than the network: every hash is a share, and only some are blocks. */
const SHARE_DIFFICULTY = '0.0000000001';

/**
 * The unchanged pool against the simulator's RPC server, end to end on the wall clock: a
 * miner speaking Stratum over TCP submits real sha256d solutions; the pool accepts shares,
 * finds a block, submits it over JSON-RPC, and the simulator makes it its tip, paying the
 * pool's address. Work on the old tip is then stale.
 */
describe('the pool against the simulator RPC server (bitcoin-regtest)', () => {
  const wall = new WallScheduler(wallClock);
  const coin = BITCOIN_REGTEST_COIN;
  const minerAddress = addressOf(coin, 0xa1);
  let rpc: SimRpc;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;
  let payoutAddress: string;

  beforeAll(async () => {
    rpc = await startSimRpc({ coin, scheduler: wall });
    const operator = rpc.client();
    payoutAddress = String(await operator.call('getnewaddress'));
    pool = createPool({
      coin,
      node: new RpcChainNode({
        client: new JsonRpcClient({ url: rpc.server.urlWithCredentials, scheduler: wall }),
        scheduler: wall,
        rules: coin.templateRules,
      }),
      algorithms: await createDefaultRegistry(),
      payoutAddress,
      stratum: { difficulty: { start: SHARE_DIFFICULTY, min: SHARE_DIFFICULTY } },
      scheduler: wall,
      logger: pino({ level: 'silent' }),
    });
    const bound = await pool.listen('127.0.0.1', 0);
    await pool.start();
    socket = connect(bound.port, '127.0.0.1');
    miner = new TestMiner(socket);
  });

  afterAll(async () => {
    socket?.destroy();
    await pool?.close();
    await rpc?.close();
    wall.clearAll();
  });

  /** Reads until a message like this has arrived (it may have come already). */
  async function arrival(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    for (;;) {
      const found = miner.received.find(match);
      if (found !== undefined) return found;
      await miner.next();
    }
  }

  it('accepts shares, submits a block the simulator takes as its tip, then calls old work stale', async () => {
    // Arrange
    const user = `${minerAddress}.rig1`;
    const { extranonce1, notify: job } = await miner.handshake(user);
    const shareTarget = targetOf(SHARE_DIFFICULTY);
    const tipBefore = rpc.sim.tip.hashHex;
    const submit = { workerName: user, jobId: job.jobId, ntime: job.ntime, versionBits: undefined };

    // Act 1: a share that is not a block, then the same share again
    const share = grindWhere(
      job,
      extranonce1,
      '00000001',
      (h) => h <= shareTarget && h > NETWORK_TARGET,
    );
    miner.send(encodeSubmitRequest(10, { ...submit, extranonce2: '00000001', nonce: share.nonce }));
    const accepted = await miner.response(10);
    miner.send(encodeSubmitRequest(11, { ...submit, extranonce2: '00000001', nonce: share.nonce }));
    const duplicate = await miner.response(11);

    // Act 2: a share that is a block
    const block = grindWhere(job, extranonce1, '00000002', (h) => h <= NETWORK_TARGET);
    miner.send(encodeSubmitRequest(12, { ...submit, extranonce2: '00000002', nonce: block.nonce }));
    const blockShare = await miner.response(12);
    const clean = await arrival(
      (m) => m.kind === 'notify' && m.cleanJobs && m.prevHash !== job.prevHash,
    );

    // Act 3: more work on the old parent
    const late = grindWhere(
      job,
      extranonce1,
      '00000003',
      (h) => h <= shareTarget && h > NETWORK_TARGET,
    );
    miner.send(encodeSubmitRequest(13, { ...submit, extranonce2: '00000003', nonce: late.nonce }));
    const stale = await miner.response(13);

    // Assert: the miner's answers
    expect(accepted).toMatchObject({ result: true });
    expect(accepted.error).toBeUndefined();
    expect(duplicate.error?.code).toBe(22);
    expect(blockShare).toMatchObject({ result: true });
    expect(clean.kind).toBe('notify');
    expect(stale.error?.code).toBe(21);

    // Assert: the simulator's view, read over its RPC as an operator would
    expect(pool.blocks).toHaveLength(1);
    const found = pool.blocks[0]!;
    expect(found.result).toEqual({ kind: 'accepted' });
    const operator = rpc.client();
    expect(await operator.call('getbestblockhash')).toBe(found.blockHash);
    expect(rpc.sim.tip.source).toBe('pool');
    const reply = await operator.request('getblock', [found.blockHash, 2], { exactNumbers: true });
    if (!reply.ok) throw new Error(reply.message);
    const got = reply.result as {
      previousblockhash: string;
      height: JsonNumber;
      tx: { vout: { value: JsonNumber; scriptPubKey: { address?: string } }[] }[];
    };
    expect(got.previousblockhash).toBe(tipBefore);
    expect(got.height.text).toBe('1');
    const paid = got.tx[0]!.vout.filter((o) => o.scriptPubKey.address === payoutAddress);
    expect(paid).toHaveLength(1);
    expect(coinTextToSats(paid[0]!.value.text)).toBe(found.rewardSats);

    // Assert: the pool's books
    const stats = pool.book.stats();
    expect(stats.accepted).toBe(2);
    expect(stats.blocks).toBe(1);
    expect(stats.rejected).toMatchObject({ duplicate: 1, 'stale-job': 1 });
    expect(rpc.server.app.internalErrors).toEqual([]);
  });
});
