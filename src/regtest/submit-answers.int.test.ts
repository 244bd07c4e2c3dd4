import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockTemplate } from '../pool/core/block/index.js';
import type { SubmitResult } from '../pool/node/index.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { startLitecoinRegtest, type RegtestNode } from './regtest-node.js';
import { grindNonce, MISSES_TARGET } from './solve-block.js';
import { payAll, poolBlock, type PoolBlockOptions } from './testing/pool-block.js';

const gate = await serviceGate('litecoind', probeLitecoind);

/** litecoind refuses headers more than two hours ahead of its adjusted time. */
const MAX_FUTURE_BLOCK_TIME_SEC = 2 * 60 * 60;

describe.skipIf(gate.skip)('what real litecoind answers to blocks, as SubmitResult values', () => {
  const wall = new WallScheduler(wallClock);
  let node: RegtestNode;
  let poolAddress: string;

  beforeAll(async () => {
    node = await startLitecoinRegtest({ scheduler: wall, binary: await litecoindBinary() });
    poolAddress = await node.newAddress('bech32');
  });

  afterAll(async () => {
    await node?.close();
    wall.clearAll();
  });

  /** A fresh template on a new tip, and a pool block for it. */
  async function freshBlock(
    opts: Partial<PoolBlockOptions> = {},
    edit: (t: BlockTemplate) => BlockTemplate = (t) => t,
  ) {
    await node.mine(1);
    const t = await node.chainNode.getBlockTemplate();
    const edited = edit(t);
    const block = poolBlock(edited, { payouts: payAll(edited, poolAddress), ...opts });
    return { t, block, hex: block.solved.blockHex };
  }

  /** The submission's answer, after checking that the chain did not move. */
  async function submitRefused(hex: string): Promise<SubmitResult> {
    const before = await node.chainNode.getBestBlock();
    const answer = await node.chainNode.submitBlock(hex);
    expect(await node.chainNode.getBestBlock()).toEqual(before);
    return answer;
  }

  it('"duplicate": the same block again, once accepted', async () => {
    const { hex } = await freshBlock();
    expect(await node.chainNode.submitBlock(hex)).toEqual({ kind: 'accepted' });
    expect(await node.chainNode.submitBlock(hex)).toEqual({
      kind: 'rejected',
      reason: 'duplicate',
    });
    expect(await node.chainNode.proposeBlock(hex)).toEqual({
      kind: 'rejected',
      reason: 'duplicate',
    });
  });

  it('"inconclusive": a second valid solution on the same parent, after the first won', async () => {
    // Arrange: two miners' solutions of one job (different extranonce2).
    const { t, block: first } = await freshBlock({ extranonce2: 1n });
    const second = poolBlock(t, { payouts: payAll(t, poolAddress), extranonce2: 2n });
    expect(second.solved.blockHash).not.toBe(first.solved.blockHash);
    // Act
    expect(await node.chainNode.submitBlock(first.solved.blockHex)).toEqual({ kind: 'accepted' });
    const proposal = await node.chainNode.proposeBlock(second.solved.blockHex);
    const answer = await submitRefused(second.solved.blockHex);
    // Assert
    expect(proposal).toEqual({ kind: 'rejected', reason: 'inconclusive-not-best-prevblk' });
    expect(answer).toEqual({ kind: 'rejected', reason: 'inconclusive' });
    expect((await node.chainNode.getBestBlock()).hash).toBe(first.solved.blockHash);
    // The daemon keeps the loser as a side branch, and says so when it is offered again.
    expect((await node.chainNode.getBlock(second.solved.blockHash))?.confirmations).toBe(-1);
    expect(await node.chainNode.proposeBlock(second.solved.blockHex)).toEqual({
      kind: 'rejected',
      reason: 'duplicate-inconclusive',
    });
  });

  it('"high-hash": a header above the target; a proposal, which skips proof of work, passes', async () => {
    const { block, hex } = await freshBlock({ wanted: MISSES_TARGET });
    expect(block.solved.powHash > block.job.template.target).toBe(true);
    expect(await submitRefused(hex)).toEqual({ kind: 'rejected', reason: 'high-hash' });
    expect(await node.chainNode.proposeBlock(hex)).toEqual({ kind: 'accepted' });
  });

  it('"bad-txnmrklroot": a header that commits to other transactions, with valid work', async () => {
    // Arrange: flip one byte of the merkle root, then find work for the altered header.
    const { block } = await freshBlock();
    const header = Buffer.from(block.solved.share.header);
    header[36] = header[36]! ^ 0x01;
    const ground = grindNonce(header, block.job.template.target);
    const hex = Buffer.concat([ground.header, block.solved.block.subarray(80)]).toString('hex');
    // Act + Assert
    expect(await submitRefused(hex)).toEqual({ kind: 'rejected', reason: 'bad-txnmrklroot' });
    expect(await node.chainNode.proposeBlock(hex)).toEqual({
      kind: 'rejected',
      reason: 'bad-txnmrklroot',
    });
  });

  it('"bad-cb-amount": a coinbase that claims one sat more than the template allows', async () => {
    const { hex } = await freshBlock({}, (t) => ({
      ...t,
      coinbaseValueSats: t.coinbaseValueSats + 1n,
    }));
    expect(await node.chainNode.proposeBlock(hex)).toEqual({
      kind: 'rejected',
      reason: 'bad-cb-amount',
    });
    expect(await submitRefused(hex)).toEqual({ kind: 'rejected', reason: 'bad-cb-amount' });
    // The daemon remembers a block it found invalid.
    expect(await submitRefused(hex)).toEqual({ kind: 'rejected', reason: 'duplicate-invalid' });
  });

  it('"prev-blk-not-found": a block on a parent the daemon never saw', async () => {
    const unknown = randomBytes(32);
    const { hex } = await freshBlock({}, (t) => ({ ...t, prevHash: unknown }));
    expect(await submitRefused(hex)).toEqual({ kind: 'rejected', reason: 'prev-blk-not-found' });
  });

  it('"time-too-old" and "time-too-new": ntime outside what the daemon allows', async () => {
    const { t } = await freshBlock();
    const old = poolBlock(t, { payouts: payAll(t, poolAddress), ntime: t.minTime - 1 });
    expect(await submitRefused(old.solved.blockHex)).toEqual({
      kind: 'rejected',
      reason: 'time-too-old',
    });
    const ahead = t.curTime + MAX_FUTURE_BLOCK_TIME_SEC + 60;
    const future = poolBlock(t, { payouts: payAll(t, poolAddress), ntime: ahead });
    expect(await submitRefused(future.solved.blockHex)).toEqual({
      kind: 'rejected',
      reason: 'time-too-new',
    });
  });

  it('-22 "Block decode failed": bytes that are no block, as an error value', async () => {
    const { hex } = await freshBlock();
    for (const bad of ['00', hex.slice(0, 160), hex.slice(0, -2)]) {
      expect(await submitRefused(bad)).toMatchObject({ kind: 'error', code: -22 });
    }
    expect(await node.chainNode.proposeBlock(hex.slice(0, 200))).toMatchObject({
      kind: 'error',
      code: -22,
    });
  });

  it('ignores bytes after a whole block: the block is accepted (0.21 does not check)', async () => {
    const { block, hex } = await freshBlock();
    expect(await node.chainNode.submitBlock(`${hex}00`)).toEqual({ kind: 'accepted' });
    expect((await node.chainNode.getBestBlock()).hash).toBe(block.solved.blockHash);
  });
});
