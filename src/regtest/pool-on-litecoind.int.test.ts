import { scryptSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { createDefaultRegistry } from '../pool/core/algorithms/index.js';
import { hashToBigInt } from '../pool/core/bytes.js';
import { LITECOIN_REGTEST_COIN } from '../pool/core/coins/index.js';
import { JsonRpcClient } from '../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../pool/node/rpc-chain-node.js';
import { createPool, type Pool } from '../pool/pool.js';
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
 * The unchanged pool against a real litecoind: a miner speaking Stratum over TCP does real
 * scrypt work; the pool accepts its shares, notices a block, submits it, and the daemon makes
 * it its tip, paying the pool's address.
 */
describe.skipIf(gate.skip)('the pool on real litecoind (regtest)', () => {
  const wall = new WallScheduler(wallClock);
  let node: RegtestNode;
  let pool: Pool;
  let socket: Socket;
  let miner: TestMiner;
  let payoutAddress: string;
  let minerAddress: string;

  beforeAll(async () => {
    node = await startLitecoinRegtest({ scheduler: wall, binary: await litecoindBinary() });
    payoutAddress = await node.newAddress('bech32');
    minerAddress = await node.newAddress('bech32');
    const url = new URL(node.rpcUrl);
    url.username = node.rpcUser;
    url.password = node.rpcPassword;
    const client = new JsonRpcClient({ url: url.toString(), scheduler: wall });
    pool = createPool({
      coin: LITECOIN_REGTEST_COIN,
      node: new RpcChainNode({
        client,
        scheduler: wall,
        rules: LITECOIN_REGTEST_COIN.templateRules,
      }),
      algorithms: await createDefaultRegistry(),
      payoutAddress,
      // scrypt difficulty 1 is 0xffff * 2^224: at 1e-6 every hash is a share, and about half
      // of them also meet regtest's target (0x7fffff * 2^232) and are blocks.
      stratum: { difficulty: { start: '0.000001', min: '0.000001' } },
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
    await node?.close();
    wall.clearAll();
  });

  /** Grinds scrypt from the notify text until the hash is (or is not) a regtest block. */
  function solve(notify: NotifyMessage, en1: string, en2: string, block: boolean): string {
    const header = headerFromNotify(notify, en1, en2, notify.ntime, '00000000');
    for (let nonce = 0; nonce < 10_000; nonce++) {
      header.writeUInt32LE(nonce, 76);
      const hash = hashToBigInt(scryptSync(header, header, 32, { N: 1024, r: 1, p: 1 }));
      if (hash <= REGTEST_TARGET === block) return nonce.toString(16).padStart(8, '0');
    }
    throw new Error('no nonce found');
  }

  it('accepts shares, refuses a duplicate, submits a block the daemon takes, then calls old work stale', async () => {
    // Arrange: a miner handshake as cpuminer does it
    const { extranonce1, notify, difficulty } = await miner.handshake(`${minerAddress}.rig1`);
    expect(difficulty).toBe(0.000001);
    const job = notify;
    const user = `${minerAddress}.rig1`;
    const tipBefore = (await node.chainNode.getBestBlock()).hash;

    // Act 1: a share that is not a block
    const shareNonce = solve(notify, extranonce1, '00000001', false);
    const share = {
      workerName: user,
      jobId: job.jobId,
      extranonce2: '00000001',
      ntime: job.ntime,
      nonce: shareNonce,
      versionBits: undefined,
    };
    miner.send(encodeSubmitRequest(10, share));
    const accepted = await miner.response(10);
    miner.send(encodeSubmitRequest(11, { ...share, nonce: shareNonce.toUpperCase() }));
    const duplicate = await miner.response(11);

    // Act 2: a share that is a block
    const blockNonce = solve(notify, extranonce1, '00000002', true);
    miner.send(encodeSubmitRequest(12, { ...share, extranonce2: '00000002', nonce: blockNonce }));
    const blockShare = await miner.response(12);
    const clean = await miner.until((m) => m.kind === 'notify' && m.cleanJobs);

    // Act 3: more work on the old parent
    const staleNonce = solve(notify, extranonce1, '00000003', false);
    miner.send(encodeSubmitRequest(13, { ...share, extranonce2: '00000003', nonce: staleNonce }));
    const stale = await miner.response(13);

    // Assert: the miner's answers
    expect(accepted.error).toBeUndefined();
    expect(accepted.result).toBe(true);
    expect(duplicate.error?.code).toBe(22);
    expect(blockShare.result).toBe(true);
    expect(stale.error?.code).toBe(21);
    // The daemon's longpoll can announce the new tip before its submitblock answer reaches
    // the pool: wait for that answer.
    for (let i = 0; i < 200 && pool.blocks.length === 0; i++) {
      await new Promise<void>((r) => wall.setTimeout(r, 10));
    }
    // Assert: the daemon's view, not the pool's
    expect(pool.blocks).toHaveLength(1);
    const found = pool.blocks[0]!;
    expect(found.result).toEqual({ kind: 'accepted' });
    const best = await node.chainNode.getBestBlock();
    expect(best.hash).toBe(found.blockHash);
    expect(best.hash).not.toBe(tipBefore);
    const block = (await node.rpc('getblock', [found.blockHash, 2])) as {
      previousblockhash: string;
      tx: { vout: { value: number; scriptPubKey: { address?: string; addresses?: string[] } }[] }[];
    };
    expect(block.previousblockhash).toBe(tipBefore);
    const paid = block.tx[0]!.vout.filter(
      (o) => (o.scriptPubKey.address ?? o.scriptPubKey.addresses?.[0]) === payoutAddress,
    );
    expect(paid).toHaveLength(1);
    expect(BigInt(Math.round(paid[0]!.value * 1e8))).toBe(found.rewardSats);
    expect(clean.kind === 'notify' && clean.prevHash).not.toBe(job.prevHash);
    // Assert: the books
    const stats = pool.book.stats();
    expect(stats.accepted).toBe(2);
    expect(stats.blocks).toBe(1);
    expect(stats.rejected).toMatchObject({ duplicate: 1, 'stale-job': 1 });
  });
});
