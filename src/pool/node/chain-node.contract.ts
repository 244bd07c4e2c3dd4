import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import type { ChainNode } from './chain-node.js';

/** What the contract needs around a ChainNode: a way to move the chain, and its facts. */
export interface ChainNodeFixture {
  readonly node: ChainNode;
  /** Mines one block on the tip from outside the node under test (generatetoaddress, ...). */
  mineBlock(): Promise<void>;
  /** The raw hex of a block the daemon has (`getblock <hash> 0`). */
  rawBlock(hash: string): Promise<string>;
  /** An address of the node's network. */
  readonly validAddress: string;
  /** True when the node has a funded wallet; the wallet checks run only then. */
  readonly hasWallet: boolean;
  close(): Promise<void>;
}

/**
 * The behaviour every ChainNode adapter must show, whatever is behind it: a real litecoind or
 * Bitcoin Core in regtest, the simulator's RPC server, the in-process simulator. One fixture
 * serves the whole suite; each check reads the state it needs first, so the order of checks
 * and the blocks they mine do not matter.
 */
export function chainNodeContract(
  name: string,
  makeFixture: () => Promise<ChainNodeFixture>,
): void {
  describe(`ChainNode contract: ${name}`, () => {
    let f: ChainNodeFixture;
    beforeAll(async () => {
      f = await makeFixture();
    });
    afterAll(async () => {
      await f?.close();
    });

    it('reports chain info that agrees with the best block', async () => {
      const info = await f.node.getBlockchainInfo();
      const best = await f.node.getBestBlock();
      expect(info.chain.length).toBeGreaterThan(0);
      expect(info.initialBlockDownload).toBe(false);
      expect(best).toEqual({ hash: info.bestBlockHash, height: info.blocks });
      expect(info.headers).toBeGreaterThanOrEqual(info.blocks);
    });

    it('finds the best block by height and by hash, linked to its parent', async () => {
      const best = await f.node.getBestBlock();
      expect(await f.node.getBlockHash(best.height)).toBe(best.hash);
      const block = await f.node.getBlock(best.hash);
      expect(block).toMatchObject({ hash: best.hash, height: best.height, confirmations: 1 });
      expect(block?.timeSec).toBeGreaterThan(0);
      expect(block?.previousBlockHash).toBe(await f.node.getBlockHash(best.height - 1));
      const parent = await f.node.getBlock(block?.previousBlockHash ?? '');
      expect(parent?.confirmations).toBe(2);
    });

    it('answers undefined for a height above the tip and an unknown hash', async () => {
      const best = await f.node.getBestBlock();
      expect(await f.node.getBlockHash(best.height + 1_000)).toBeUndefined();
      expect(await f.node.getBlock('ab'.repeat(32))).toBeUndefined();
    });

    it('serves a template on top of the tip', async () => {
      const best = await f.node.getBestBlock();
      const t = await f.node.getBlockTemplate();
      expect(t.prevHashHex).toBe(best.hash);
      expect(t.height).toBe(best.height + 1);
      expect(t.coinbaseValueSats).toBeGreaterThan(0n);
      expect(t.target).toBeGreaterThan(0n);
    });

    it('answers undecodable blocks with error -22 as a value, to submit and to proposal', async () => {
      expect(await f.node.submitBlock('00')).toMatchObject({ kind: 'error', code: -22 });
      expect(await f.node.proposeBlock('00')).toMatchObject({ kind: 'error', code: -22 });
    });

    it('answers "duplicate" to a block it already has, to submit and to proposal', async () => {
      const best = await f.node.getBestBlock();
      const raw = await f.rawBlock(best.hash);
      expect(await f.node.submitBlock(raw)).toMatchObject({
        kind: 'rejected',
        reason: 'duplicate',
      });
      expect(await f.node.proposeBlock(raw)).toEqual({ kind: 'rejected', reason: 'duplicate' });
    });

    it('gives the next template once a block is mined', async () => {
      const before = await f.node.getBlockTemplate();
      const next = f.node.nextTemplate(before);
      await f.mineBlock();
      const after = await next;
      expect(after.prevHashHex).not.toBe(before.prevHashHex);
      expect(after.height).toBe(before.height + 1);
      expect((await f.node.getBestBlock()).hash).toBe(after.prevHashHex);
    });

    it('gives the next template at once when the tip moved before the call', async () => {
      const before = await f.node.getBlockTemplate();
      await f.mineBlock();
      const after = await f.node.nextTemplate(before);
      expect(after.height).toBe(before.height + 1);
    });

    it('stops waiting for the next template when its signal aborts', async () => {
      const t = await f.node.getBlockTemplate();
      const ac = new AbortController();
      const waiting = f.node.nextTemplate(t, { signal: ac.signal });
      ac.abort();
      const err: unknown = await waiting.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ChimeraError);
      expect((err as ChimeraError).code).toBe('RPC_ABORTED');
    });

    it('tells valid addresses from invalid ones', async () => {
      expect(await f.node.validateAddress(f.validAddress)).toBe(true);
      expect(await f.node.validateAddress('not-an-address')).toBe(false);
    });

    it('reads the wallet balance in sats and pays several outputs at once', async (ctx) => {
      if (!f.hasWallet) ctx.skip();
      const balance = await f.node.getBalance();
      expect(balance).toBeGreaterThan(100_000n);
      const txid = await f.node.sendMany(new Map([[f.validAddress, 12_345n]]), {
        comment: 'contract',
      });
      expect(txid).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
