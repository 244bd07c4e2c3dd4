import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBlock, type BlockTemplate } from '../pool/core/block/index.js';
import { JsonNumber } from '../pool/node/index.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { startLitecoinRegtest, type RegtestNode } from './regtest-node.js';
import {
  expectPoolBlockAccepted,
  payAll,
  poolBlock,
  scriptOf,
  tagForScriptSig,
} from './testing/pool-block.js';

const gate = await serviceGate('litecoind', probeLitecoind);

/** BIP320: the header version bits a miner may roll. */
const VERSION_ROLLING_MASK = 0x1fffe000;

describe.skipIf(gate.skip)('blocks the pool builds, on real litecoind (MWEB off)', () => {
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

  /**
   * A template holding the transactions `send` makes. litecoind reuses its last template for
   * 5 s after the mempool changes, but never across a new tip: mine first, then send.
   */
  async function templateWith(send: () => Promise<string[]>): Promise<BlockTemplate> {
    await node.mine(1);
    const txids = await send();
    const t = await node.chainNode.getBlockTemplate();
    const inTemplate = t.transactions.map((tx) => Buffer.from(tx.txid).reverse().toString('hex'));
    expect(inTemplate).toEqual(expect.arrayContaining(txids));
    return t;
  }

  it('an empty template: the coinbase alone, paying the pool address all of it', async () => {
    // Arrange
    await node.mine(1);
    const t = await node.chainNode.getBlockTemplate();
    expect(t.transactions).toHaveLength(0);
    // Act
    const block = poolBlock(t, { payouts: payAll(t, poolAddress) });
    // Assert
    const outputs = await expectPoolBlockAccepted(node, t, block);
    expect(outputs[0]?.addresses).toEqual([poolAddress]);
    expect(outputs[0]?.valueSats).toBe(t.coinbaseValueSats);
  });

  it('a template with wallet transactions to every address kind (fees in the coinbase)', async () => {
    // Arrange
    const t = await templateWith(async () => {
      const txids: string[] = [];
      for (const kind of ['legacy', 'p2sh-segwit', 'bech32'] as const) {
        const to = await node.newAddress(kind);
        txids.push(String(await node.rpc('sendtoaddress', [to, new JsonNumber('1.25')])));
      }
      return txids;
    });
    expect(t.transactions.length).toBeGreaterThanOrEqual(3);
    expect(t.defaultWitnessCommitment).toBeDefined();
    const fees = t.transactions.reduce((sum, tx) => sum + tx.feeSats, 0n);
    expect(fees).toBeGreaterThan(0n);
    const legacyPool = await node.newAddress('legacy');
    // Act
    const block = poolBlock(t, { payouts: payAll(t, legacyPool) });
    // Assert
    const outputs = await expectPoolBlockAccepted(node, t, block);
    expect(outputs[0]?.addresses).toEqual([legacyPool]);
    const mempool = (await node.rpc('getrawmempool')) as string[];
    expect(mempool).toEqual([]);
  });

  it('a coinbase scriptSig of exactly 100 bytes, the consensus maximum', async () => {
    // Arrange
    await node.mine(1);
    const t = await node.chainNode.getBlockTemplate();
    const tag = tagForScriptSig(t, 100);
    // Act
    const block = poolBlock(t, { payouts: payAll(t, poolAddress), tag });
    // Assert
    const decoded = decodeBlock(block.solved.block);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.block.transactions[0]?.inputs[0]?.scriptSig).toHaveLength(100);
    await expectPoolBlockAccepted(node, t, block);
  });

  it('several payout outputs splitting the coinbase value to the sat', async () => {
    await node.mine(1);
    const t = await node.chainNode.getBlockTemplate();
    const fee = t.coinbaseValueSats / 100n + 1n;
    const a = await node.newAddress('p2sh-segwit');
    const b = await node.newAddress('legacy');
    const payouts = [
      { scriptPubKey: scriptOf(poolAddress), valueSats: fee },
      { scriptPubKey: scriptOf(a), valueSats: (t.coinbaseValueSats - fee) / 3n },
      {
        scriptPubKey: scriptOf(b),
        valueSats: t.coinbaseValueSats - fee - (t.coinbaseValueSats - fee) / 3n,
      },
    ];
    const outputs = await expectPoolBlockAccepted(node, t, poolBlock(t, { payouts }));
    expect(outputs.slice(0, 3).map((o) => o.addresses[0])).toEqual([poolAddress, a, b]);
  });

  it('a header whose version bits were rolled (BIP320) and whose time was moved forward', async () => {
    await node.mine(1);
    const t = await node.chainNode.getBlockTemplate();
    const version = (t.version | (VERSION_ROLLING_MASK & 0x00abe000)) >>> 0;
    expect(version).not.toBe(t.version);
    const block = poolBlock(t, { payouts: payAll(t, poolAddress), version, ntime: t.curTime + 60 });
    await expectPoolBlockAccepted(node, t, block);
    const header = (await node.rpc('getblockheader', [block.solved.blockHash])) as {
      version: number;
      time: number;
    };
    expect(header).toMatchObject({ version, time: t.curTime + 60 });
  });
});
