import { describe, expect, it } from 'vitest';
import type { BlockTemplate } from '../../../pool/core/block/index.js';
import { BITCOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import { createRng, VirtualTime } from '../../../runtime/index.js';
import { START_MS } from '../chain.fixtures.js';
import { LONGPOLL_FIRST_TX_CHECK_MS } from '../long-poll.js';
import { DEFAULT_FEE_RATE, syntheticTx } from '../synthetic-tx.js';
import { startSimRpc, until } from './rpc.fixtures.js';

/**
 * getblocktemplate's longpoll over HTTP, on a virtual clock: the pool's RpcChainNode waits in
 * nextTemplate while the server holds the call, and gets its answer when bitcoind would give it.
 */

/** Regtest work per block is 2 hashes: about one external block per 200 s. */
const SLOW_NETWORK = [{ id: 'net', hashrate: 0.01 }];

function track(p: Promise<BlockTemplate>): { done: () => boolean; value: Promise<BlockTemplate> } {
  let settled = false;
  const value = p.finally(() => {
    settled = true;
  });
  return { done: () => settled, value };
}

describe('longpoll over the RPC server', () => {
  it('returns when a block from the rest of the network arrives, not before', async () => {
    // Arrange
    const vt = new VirtualTime(START_MS);
    const rpc = await startSimRpc({
      coin: BITCOIN_REGTEST_COIN,
      scheduler: vt,
      sim: { externalMiners: SLOW_NETWORK },
    });
    const node = rpc.node();
    const before = await node.getBlockTemplate();
    rpc.sim.start();
    try {
      // Act
      const next = track(node.nextTemplate(before));
      await until(vt, () => rpc.server.callsInFlight === 1);
      let heldWhileTipStood = true;
      while (rpc.sim.tip.height === 0) {
        heldWhileTipStood &&= !next.done();
        await vt.advanceBy(1_000);
      }
      const after = await next.value;
      // Assert
      expect(heldWhileTipStood).toBe(true);
      expect(rpc.sim.tip.source).toBe('external');
      expect(after.prevHashHex).toBe(rpc.sim.tip.hashHex);
      expect(after.height).toBe(before.height + 1);
    } finally {
      rpc.sim.stop();
      await node.close();
      await rpc.close();
    }
  });

  it('answers a mempool change only at the one-minute mark, with the same parent', async () => {
    // Arrange
    const vt = new VirtualTime(START_MS);
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: vt });
    const node = rpc.node();
    const before = await node.getBlockTemplate();
    try {
      const next = track(node.nextTemplate(before));
      await until(vt, () => rpc.server.callsInFlight === 1);
      // Act
      rpc.sim.addTransaction(
        syntheticTx(createRng('tx'), { segwit: true, feeRate: DEFAULT_FEE_RATE }),
      );
      await vt.advanceBy(LONGPOLL_FIRST_TX_CHECK_MS - 1);
      const heldBeforeAMinute = !next.done();
      await vt.advanceBy(1);
      const after = await next.value;
      // Assert
      expect(heldBeforeAMinute).toBe(true);
      expect(after.prevHashHex).toBe(before.prevHashHex);
      expect(after.longPollId).not.toBe(before.longPollId);
      expect(after.transactions).toHaveLength(1);
    } finally {
      await node.close();
      await rpc.close();
    }
  });

  it('holds longpolls through new blocks while templates are stalled, until healed', async () => {
    // Arrange
    const vt = new VirtualTime(START_MS);
    const rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: vt });
    const control = rpc.client();
    const node = rpc.node();
    const before = await node.getBlockTemplate();
    try {
      await control.call('chimera.fault', ['stall-templates']);
      const next = track(node.nextTemplate(before));
      await until(vt, () => rpc.server.callsInFlight === 1);
      // Act
      await control.call('chimera.mine', [2]);
      await vt.advanceBy(10 * 60_000);
      const heldWhileStalled = !next.done();
      await control.call('chimera.heal');
      const after = await next.value;
      // Assert
      expect(heldWhileStalled).toBe(true);
      expect(after.height).toBe(before.height + 2);
    } finally {
      await node.close();
      await rpc.close();
    }
  });
});
