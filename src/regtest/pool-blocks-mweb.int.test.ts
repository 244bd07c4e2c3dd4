import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBlock, type BlockTemplate } from '../pool/core/block/index.js';
import { JsonNumber } from '../pool/node/index.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { MWEB_ACTIVATION_HEIGHT } from './mweb.js';
import { startLitecoinRegtest, type RegtestNode } from './regtest-node.js';
import { expectPoolBlockAccepted, payAll, poolBlock } from './testing/pool-block.js';

const gate = await serviceGate('litecoind', probeLitecoind);

/** Litecoin's serialization flag for a transaction with an MWEB part (HogEx). */
const FLAG_MWEB = 0x08;

function displayTxids(t: BlockTemplate): string[] {
  return t.transactions.map((tx) => Buffer.from(tx.txid).reverse().toString('hex'));
}

describe.skipIf(gate.skip)('blocks the pool builds with MWEB active, on real litecoind', () => {
  const wall = new WallScheduler(wallClock);
  let node: RegtestNode;
  let poolAddress: string;

  beforeAll(async () => {
    node = await startLitecoinRegtest({
      scheduler: wall,
      mweb: true,
      binary: await litecoindBinary(),
    });
    poolAddress = await node.newAddress('bech32');
  });

  afterAll(async () => {
    await node?.close();
    wall.clearAll();
  });

  /** The block as the pool serialized it: txs, then 0x01 and the template's MWEB bytes. */
  function expectMwebLayout(t: BlockTemplate, block: Buffer): void {
    const decoded = decodeBlock(block);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.block.transactions).toHaveLength(1 + t.transactions.length);
    expect(decoded.block.transactions.at(-1)?.flags).toBe(FLAG_MWEB);
    expect(decoded.block.mweb).toEqual(t.mweb);
  }

  it('the activation block (432), which carries a peg-in and the first HogEx', async () => {
    // Arrange
    const pegInTxid = await node.prepareMwebActivation();
    const t = await node.chainNode.getBlockTemplate();
    expect(t.height).toBe(MWEB_ACTIVATION_HEIGHT);
    expect(t.rules).toContain('mweb');
    expect(t.mweb).toBeDefined();
    expect(displayTxids(t)).toContain(pegInTxid);
    // Act
    const block = poolBlock(t, { payouts: payAll(t, poolAddress) });
    // Assert
    expectMwebLayout(t, block.solved.block);
    await expectPoolBlockAccepted(node, t, block);
    const info = (await node.rpc('getblockchaininfo')) as {
      softforks: { mweb?: { active: boolean } };
    };
    expect(info.softforks.mweb?.active).toBe(true);
  });

  it('a block after activation with nothing in the mempool: coinbase and HogEx', async () => {
    const t = await node.chainNode.getBlockTemplate();
    expect(t.height).toBe(MWEB_ACTIVATION_HEIGHT + 1);
    expect(t.transactions).toHaveLength(1);
    const block = poolBlock(t, { payouts: payAll(t, poolAddress) });
    expectMwebLayout(t, block.solved.block);
    await expectPoolBlockAccepted(node, t, block);
  });

  it('a block after activation with a new peg-in and ordinary wallet transactions', async () => {
    // Arrange: a new tip first, so that the daemon builds a fresh template with these.
    await node.mine(1);
    const sent = [
      await node.pegIn(),
      String(
        await node.rpc('sendtoaddress', [await node.newAddress('legacy'), new JsonNumber('0.5')]),
      ),
      String(
        await node.rpc('sendtoaddress', [await node.newAddress('bech32'), new JsonNumber('0.75')]),
      ),
    ];
    const t = await node.chainNode.getBlockTemplate();
    expect(displayTxids(t)).toEqual(expect.arrayContaining(sent));
    // Act
    const block = poolBlock(t, { payouts: payAll(t, poolAddress), extranonce2: 7n });
    // Assert
    expectMwebLayout(t, block.solved.block);
    await expectPoolBlockAccepted(node, t, block);
    expect(await node.rpc('getrawmempool')).toEqual([]);
  });
});
