import { describe, expect, it } from 'vitest';
import { rejection } from '../../pool/node/testing/drive.js';
import { createRng } from '../../runtime/index.js';
import { MINER_A, makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import { InProcessChainNode } from './in-process-node.js';
import { minePoolBlock } from './pool-block.fixtures.js';
import { syntheticTx } from './synthetic-tx.js';

function setup(
  overrides: Parameters<typeof makeSim>[0] = {},
): ReturnType<typeof makeSim> & { node: InProcessChainNode; outsider: Buffer } {
  const made = makeSim(overrides);
  made.sim.generate(101);
  return {
    ...made,
    node: new InProcessChainNode(made.sim, made.vt),
    outsider: minerScript(made.sim.coin, 'outsider'),
  };
}

/** Settles `p` into a tagged value so a test can look without awaiting forever. */
function track<T>(p: Promise<T>): { done: boolean; value?: T; error?: unknown } {
  const s: { done: boolean; value?: T; error?: unknown } = { done: false };
  p.then(
    (value) => Object.assign(s, { done: true, value }),
    (error: unknown) => Object.assign(s, { done: true, error }),
  );
  return s;
}

describe('InProcessChainNode faults', () => {
  it('outage: every call throws RPC_UNREACHABLE, waits in flight end with it, and it lifts on schedule', async () => {
    // Arrange
    const { sim, vt, node } = setup();
    const waiting = track(node.nextTemplate(await node.getBlockTemplate()));
    await vt.advanceBy(0);
    expect(waiting.done).toBe(false);
    // Act
    node.faults.outage(30_000);
    await vt.advanceBy(0);
    // Assert
    expect(waiting.error).toMatchObject({ code: 'RPC_UNREACHABLE' });
    for (const call of [
      () => node.getBestBlock(),
      () => node.getBlockTemplate(),
      () => node.submitBlock('00'),
      () => node.getBalance(),
      () => node.getBlockHash(1),
    ]) {
      expect((await rejection(call())).code).toBe('RPC_UNREACHABLE');
    }
    await vt.advanceBy(30_000);
    expect((await node.getBestBlock()).hash).toBe(sim.tip.hashHex);
  });

  it('slow RPC: answers only after the added latency on the scheduler', async () => {
    const { vt, node } = setup();
    node.faults.slow(500);
    const best = track(node.getBestBlock());
    await vt.advanceBy(499);
    expect(best.done).toBe(false);
    await vt.advanceBy(1);
    expect(best.value?.height).toBe(101);
  });

  it('erroring RPC: calls throw RPC_ERROR with the daemon code; submitblock answers it as a value', async () => {
    const { sim, node } = setup();
    node.faults.erroring();
    const err = await rejection(node.getBestBlock());
    expect(err.code).toBe('RPC_ERROR');
    expect(err.details).toMatchObject({ rpcCode: -28, rpcMessage: 'Loading block index...' });
    const block = minePoolBlock(sim.blockTemplate());
    expect(await node.submitBlock(block.hex)).toEqual({
      kind: 'error',
      code: -28,
      message: 'Loading block index...',
    });
    node.faults.erroring({ code: -8, message: 'Block height out of range' });
    expect(await node.getBlockHash(1)).toBeUndefined();
    node.faults.heal();
    expect(await node.submitBlock(block.hex)).toEqual({ kind: 'accepted' });
  });

  it('stalled templates: nextTemplate holds past a new block and answers when the stall lifts', async () => {
    const { sim, vt, node, outsider } = setup();
    const before = await node.getBlockTemplate();
    node.faults.stallTemplates();
    const next = track(node.nextTemplate(before));
    sim.generate(1, outsider);
    await vt.advanceBy(120_000);
    expect(next.done).toBe(false);
    node.faults.heal();
    await vt.advanceBy(0);
    expect(next.value?.height).toBe(before.height + 1);
  });

  it('longpoll: a new transaction answers at the one-minute mark, not before; a new block at once', async () => {
    // Arrange
    const { sim, vt, node, outsider } = setup();
    const t = await node.getBlockTemplate();
    const waiting = track(node.getBlockTemplate({ longPollId: t.longPollId! }));
    await vt.advanceBy(0);
    sim.addTransaction(
      syntheticTx(createRng('lp'), { segwit: true, feeRate: { medianSatPerVb: 9, sigma: 0 } }),
    );
    // Act / Assert
    await vt.advanceBy(59_999);
    expect(waiting.done).toBe(false);
    await vt.advanceBy(1);
    expect(waiting.value?.prevHashHex).toBe(t.prevHashHex);
    expect(waiting.value?.transactions).toHaveLength(1);
    const second = track(node.nextTemplate(waiting.value!));
    sim.generate(1, outsider);
    await vt.advanceBy(0);
    expect(second.value?.height).toBe(t.height + 1);
  });

  it("wallet errors arrive as RPC_ERROR with bitcoind's codes; no wallet is -18", async () => {
    const { node } = setup();
    const err = await rejection(node.sendMany(new Map([[MINER_A, 10_000n * 100_000_000n]])));
    expect(err.details).toMatchObject({ rpcCode: -6, rpcMessage: 'Insufficient funds' });
    const bare = setup({ wallet: undefined });
    expect((await rejection(bare.node.getBalance())).details).toMatchObject({ rpcCode: -18 });
  });

  it('a block the pool submits shows -1 confirmations once a reorg drops it', async () => {
    const { sim, node } = setup();
    const block = minePoolBlock(sim.blockTemplate());
    expect(await node.submitBlock(block.hex)).toEqual({ kind: 'accepted' });
    expect((await node.getBlock(block.hash))?.confirmations).toBe(1);
    sim.reorg(1);
    expect((await node.getBlock(block.hash))?.confirmations).toBe(-1);
  });
});
