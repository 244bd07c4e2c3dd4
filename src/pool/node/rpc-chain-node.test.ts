import { afterEach, describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { toHex } from '../core/bytes.js';
import { parseBlockTemplate } from '../core/block/template.js';
import { JsonRpcClient } from './json-rpc-client.js';
import { RpcChainNode, TEMPLATE_RULES, type RpcChainNodeOptions } from './rpc-chain-node.js';
import { drive, rejection } from './testing/drive.js';
import { FakeBitcoind, type FakeBitcoindOptions } from './testing/fake-bitcoind.js';
import { loadGbtVector, type GbtVectorName } from './testing/gbt-vectors.js';

const ADDR_A = 'rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9';
const ADDR_B = 'rltc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qh3d6ku';

describe('RpcChainNode', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(
    fakeOpts: FakeBitcoindOptions = {},
    nodeOpts: Partial<RpcChainNodeOptions> = {},
  ): Promise<{ fake: FakeBitcoind; node: RpcChainNode; vt: VirtualTime }> {
    const fake = await FakeBitcoind.start({ auth: { user: 'u', password: 'p' }, ...fakeOpts });
    cleanups.push(() => fake.close());
    const vt = new VirtualTime(0);
    const client = new JsonRpcClient({ url: fake.url, scheduler: vt });
    const node = new RpcChainNode({
      client,
      scheduler: vt,
      rules: TEMPLATE_RULES.litecoin,
      ...nodeOpts,
    });
    cleanups.push(() => node.close());
    return { fake, node, vt };
  }

  /** A block whose header sits on `fake`'s tip (the fake checks headers, not proof of work). */
  function blockOnTip(fake: FakeBitcoind): string {
    return `${toHex(fake.chain.headerOnTip())}00`;
  }

  describe('templates', () => {
    const cases: [GbtVectorName, readonly string[]][] = [
      ['litecoind-0.21-h102', TEMPLATE_RULES.litecoin],
      ['litecoind-0.21-h432-mweb', TEMPLATE_RULES.litecoin],
      ['bitcoind-29.99-h102', TEMPLATE_RULES.bitcoin],
    ];
    it.each(cases)('serves the real template %s, parsed', async (name, rules) => {
      // Arrange
      const vector = loadGbtVector(name);
      const { fake, node } = await setup({ template: vector, rules }, { rules });
      // Act
      const t = await node.getBlockTemplate();
      // Assert
      const expected = parseBlockTemplate(vector);
      if (!expected.ok) throw new Error(expected.error);
      expect(t.height).toBe(expected.template.height);
      expect(t.prevHashHex).toBe(fake.chain.tip.hash);
      expect(t.coinbaseValueSats).toBe(expected.template.coinbaseValueSats);
      expect(t.transactions).toEqual(expected.template.transactions);
      expect(t.defaultWitnessCommitment).toEqual(expected.template.defaultWitnessCommitment);
      expect(t.mweb).toEqual(expected.template.mweb);
      expect(fake.callsOf('getblocktemplate')[0]?.params).toEqual([{ rules: [...rules] }]);
    });

    it('passes on the daemon refusing the wrong rules as RPC_ERROR -8', async () => {
      const { node } = await setup({}, { rules: TEMPLATE_RULES.bitcoin });
      const err = await rejection(node.getBlockTemplate());
      expect(err.code).toBe('RPC_ERROR');
      expect(err.details?.['rpcCode']).toBe(-8);
    });

    it('calls a malformed template a bad response naming the field', async () => {
      const { node } = await setup({
        template: { ...loadGbtVector('litecoind-0.21-h102'), bits: 'zz' },
      });
      const err = await rejection(node.getBlockTemplate());
      expect(err.code).toBe('RPC_BAD_RESPONSE');
      expect(err.message).toContain('bits');
    });
  });

  describe('submitting blocks', () => {
    it('gives accepted, duplicate, inconclusive and prev-blk-not-found as the daemon says them', async () => {
      // Arrange
      const { fake, node } = await setup();
      const block = blockOnTip(fake);
      const orphanParent = blockOnTip(fake);
      // Act
      const first = await node.submitBlock(block);
      const again = await node.submitBlock(block);
      const late = await node.submitBlock(orphanParent);
      const unknownParent = await node.submitBlock(`${'00'.repeat(80)}00`);
      // Assert
      expect(first).toEqual({ kind: 'accepted' });
      expect(again).toEqual({ kind: 'rejected', reason: 'duplicate' });
      expect(late).toEqual({ kind: 'rejected', reason: 'inconclusive' });
      expect(unknownParent).toEqual({ kind: 'rejected', reason: 'prev-blk-not-found' });
    });

    it('passes any other reason string through (high-hash, bad-txnmrklroot, ...)', async () => {
      const { fake, node } = await setup();
      fake.state.submitVerdicts.push('high-hash', 'bad-txnmrklroot');
      expect(await node.submitBlock(blockOnTip(fake))).toEqual({
        kind: 'rejected',
        reason: 'high-hash',
      });
      expect(await node.submitBlock(blockOnTip(fake))).toEqual({
        kind: 'rejected',
        reason: 'bad-txnmrklroot',
      });
    });

    it('gives an undecodable block as the -22 error value, not a throw', async () => {
      const { node } = await setup();
      expect(await node.submitBlock('not hex')).toEqual({
        kind: 'error',
        code: -22,
        message: 'Block decode failed',
      });
    });

    it('proposes blocks: null is accepted, a string the reason', async () => {
      const { fake, node } = await setup();
      const onTip = blockOnTip(fake);
      const stale = blockOnTip(fake);
      fake.mineBlock();
      expect(await node.proposeBlock(blockOnTip(fake))).toEqual({ kind: 'accepted' });
      expect(await node.proposeBlock(stale)).toEqual({
        kind: 'rejected',
        reason: 'inconclusive-not-best-prevblk',
      });
      expect(onTip).not.toBe(stale);
      expect(fake.callsOf('getblocktemplate')[0]?.params[0]).toMatchObject({ mode: 'proposal' });
    });
  });

  describe('blocks', () => {
    it('shows a block orphaned by a reorg with confirmations -1', async () => {
      // Arrange
      const { fake, node } = await setup();
      const orphan = fake.chain.tip.hash;
      // Act
      fake.chain.reorg(1);
      // Assert
      expect((await node.getBlock(orphan))?.confirmations).toBe(-1);
      expect((await node.getBlock(fake.chain.tip.hash))?.confirmations).toBe(1);
    });

    it('has no previous block for genesis', async () => {
      const { node } = await setup();
      const genesis = await node.getBlockHash(0);
      const block = await node.getBlock(genesis ?? '');
      expect(block?.height).toBe(0);
      expect(block?.previousBlockHash).toBeUndefined();
      await expect(node.getBlock('xyz')).rejects.toThrow(RangeError);
      await expect(node.getBlockHash(-1)).rejects.toThrow(RangeError);
    });
  });

  describe('wallet', () => {
    it('reads the balance exactly, to the last sat of 21 million coins', async () => {
      const { node } = await setup({ balanceSats: 2_099_999_999_999_999n });
      expect(await node.getBalance()).toBe(2_099_999_999_999_999n);
    });

    it('writes sendmany amounts as exact 8-decimal literals, with the comment, to the wallet path', async () => {
      // Arrange
      const { fake, node } = await setup({}, { wallet: 'pool payouts' });
      const outputs = new Map([
        [ADDR_A, 123_456_789n],
        [ADDR_B, 1n],
      ]);
      // Act
      const txid = await node.sendMany(outputs, { comment: 'round 7' });
      // Assert
      const call = fake.callsOf('sendmany')[0];
      expect(txid).toMatch(/^[0-9a-f]{64}$/);
      expect(call?.body).toContain(`{"${ADDR_A}":1.23456789,"${ADDR_B}":0.00000001},1,"round 7"]`);
      expect(call?.path).toBe('/wallet/pool%20payouts');
      expect(fake.state.payments).toEqual([outputs]);
    });

    it('refuses an empty or non-positive payment before asking the daemon', async () => {
      const { fake, node } = await setup();
      await expect(node.sendMany(new Map())).rejects.toThrow(RangeError);
      await expect(node.sendMany(new Map([[ADDR_A, 0n]]))).rejects.toThrow(RangeError);
      expect(fake.callsOf('sendmany')).toHaveLength(0);
    });

    it('passes on the daemon refusing a payment (insufficient funds)', async () => {
      const { node } = await setup({ balanceSats: 10n });
      const err = await rejection(node.sendMany(new Map([[ADDR_A, 11n]])));
      expect(err.details).toMatchObject({ rpcCode: -6, rpcMessage: 'Insufficient funds' });
    });
  });

  describe('waiting for the next template', () => {
    it('longpolls, and returns a template for new transactions on the same tip', async () => {
      // Arrange
      const { fake, node } = await setup();
      const before = await node.getBlockTemplate();
      // Act
      const next = node.nextTemplate(before);
      await fake.waitForCalls('getblocktemplate', 2);
      fake.addTransaction();
      const after = await next;
      // Assert
      expect(fake.callsOf('getblocktemplate')[1]?.params).toEqual([
        { rules: ['mweb', 'segwit'], longpollid: before.longPollId },
      ]);
      expect(after.prevHashHex).toBe(before.prevHashHex);
      expect(after.longPollId).not.toBe(before.longPollId);
    });

    it('after a longpoll times out, polls that tip instead of longpolling it again', async () => {
      // Arrange
      const { fake, node, vt } = await setup(
        {},
        { longPollTimeoutMs: 60_000, pollIntervalMs: 1_000 },
      );
      const before = await node.getBlockTemplate();
      // Act
      const next = node.nextTemplate(before);
      await fake.waitForCalls('getblocktemplate', 2);
      await vt.advanceBy(60_000);
      await fake.waitForCalls('getbestblockhash', 1);
      fake.mineBlock();
      const after = await drive(vt, next);
      const again = node.nextTemplate(before);
      await drive(vt, again);
      // Assert
      expect(after.height).toBe(before.height + 1);
      const longPolls = fake
        .callsOf('getblocktemplate')
        .filter((c) => JSON.stringify(c.params).includes('longpollid'));
      expect(longPolls).toHaveLength(1);
    });

    it('polls getbestblockhash when the daemon ignores longpollid', async () => {
      // Arrange
      const { fake, node, vt } = await setup({ longPoll: false }, { pollIntervalMs: 500 });
      const before = await node.getBlockTemplate();
      // Act
      const next = node.nextTemplate(before);
      await fake.waitForCalls('getbestblockhash', 1);
      fake.mineBlock();
      const after = await drive(vt, next);
      // Assert
      expect(after.prevHashHex).toBe(fake.chain.tip.hash);
      expect(fake.callsOf('getblocktemplate').length).toBe(3);
    });
  });
});
