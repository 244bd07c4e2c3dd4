import { describe, expect, it } from 'vitest';
import type { PplnsSplit } from '../../core/payouts/split.js';
import type { NewBlock } from '../books/block-repository.js';
import type { Store } from '../store.js';
import { networkConfig, uniqueNetwork } from '../testing/shares.js';

export const SPLIT: PplnsSplit = {
  credits: [
    { account: 'alice', amountSats: 600n },
    { account: 'bob', amountSats: 390n },
  ],
  feeSats: 10n,
};

export function block(network: string, n: number, rewardSats = 1000n): NewBlock {
  return {
    network,
    hash: n.toString(16).padStart(64, '0'),
    height: 100 + n,
    rewardSats,
    foundByAddress: 'alice',
    foundByWorker: 'rig1',
    foundMs: 1_000 + n,
  };
}

export async function freshNetwork(store: Store, label: string): Promise<string> {
  const id = uniqueNetwork(label);
  await store.networks.upsert(networkConfig(id), 1);
  return id;
}

export async function balances(store: Store, network: string) {
  return Object.fromEntries(
    (await store.balances.list(network)).map((b) => [
      b.address,
      [b.immatureSats, b.payableSats, b.reservedSats, b.paidSats],
    ]),
  );
}

/** Networks, blocks and credits, balances and payout plans: the books a payout is made from. */
export function booksContract(store: () => Store): void {
  describe('networks', () => {
    it('stores settings exactly, replaces them, flips the active flag, refuses credentials', async () => {
      const id = uniqueNetwork('net');
      const config = networkConfig(id, { ports: [{ port: 3334, difficulty: '0.0001' }] });
      await store().networks.upsert(config, 5);
      await store().networks.upsert({ ...config, coin: 'litecoin-testnet' }, 6);
      expect(await store().networks.setActive(id, true, 7)).toBe('updated');
      expect(await store().networks.setActive('no-such', true, 7)).toBe('not-found');
      expect(await store().networks.get(id)).toEqual({
        ...config,
        coin: 'litecoin-testnet',
        active: true,
        updatedMs: 7,
      });
      expect((await store().networks.list()).map((n) => n.id)).toContain(id);
      const withPassword = networkConfig(uniqueNetwork('net'), {
        daemons: [{ url: 'http://user:secret@127.0.0.1:9332/' }],
      });
      await expect(store().networks.upsert(withPassword, 1)).rejects.toThrow('STORE_CONFIG');
    });

    it('keeps the switch history in order', async () => {
      const a = await freshNetwork(store(), 'from');
      const b = await freshNetwork(store(), 'to');
      const reason = `contract ${a}`;
      await store().switches.record({ from: a, to: b, phase: 'started', reason, actor: 'ops' }, 10);
      await store().switches.record(
        { from: a, to: b, phase: 'rolled-back', reason, actor: 'ops' },
        20,
      );
      const recent = (await store().switches.recent(50)).filter((e) => e.reason === reason);
      expect(recent.map((e) => [e.phase, e.atMs, e.from, e.to])).toEqual([
        ['rolled-back', 20, a, b],
        ['started', 10, a, b],
      ]);
    });
  });

  describe('blocks and credits', () => {
    it('records a found block once', async () => {
      const network = await freshNetwork(store(), 'found');
      expect(await store().blocks.recordFound(block(network, 1))).toBe('recorded');
      expect(await store().blocks.recordFound(block(network, 1))).toBe('exists');
      expect(await store().blocks.get(network, block(network, 1).hash)).toMatchObject({
        ...block(network, 1),
        status: 'pending',
        round: undefined,
      });
    });

    it('credits immature, matures on confirmation, and credits only once', async () => {
      const network = await freshNetwork(store(), 'credit');
      const { hash } = block(network, 1);
      await store().blocks.recordFound(block(network, 1));
      const round = { split: SPLIT, endShareId: 42n, work: 12345n };
      expect(await store().blocks.credit(network, hash, round, 50)).toEqual({
        kind: 'credited',
        credits: 2,
        into: 'immature',
      });
      expect(await store().blocks.credit(network, hash, round, 51)).toEqual({
        kind: 'already-credited',
      });
      expect(await balances(store(), network)).toEqual({
        alice: [600n, 0n, 0n, 0n],
        bob: [390n, 0n, 0n, 0n],
      });
      expect(await store().blocks.confirm(network, hash, 60)).toEqual({
        kind: 'confirmed',
        maturedSats: 990n,
      });
      expect(await store().blocks.confirm(network, hash, 61)).toEqual({
        kind: 'already-confirmed',
      });
      expect(await store().blocks.orphan(network, hash, 62)).toEqual({ kind: 'is-confirmed' });
      expect(await balances(store(), network)).toEqual({
        alice: [0n, 600n, 0n, 0n],
        bob: [0n, 390n, 0n, 0n],
      });
      expect(await store().blocks.credits(network, hash)).toEqual(SPLIT.credits);
      expect((await store().blocks.get(network, hash))?.round).toEqual({
        endShareId: 42n,
        work: 12345n,
        feeSats: 10n,
        creditedMs: 50,
      });
    });

    it('reverses the credits of an orphaned block and credits no orphan', async () => {
      const network = await freshNetwork(store(), 'orphan');
      const [one, two] = [block(network, 1), block(network, 2)];
      await store().blocks.recordFound(one);
      await store().blocks.recordFound(two);
      await store().blocks.credit(network, one.hash, { split: SPLIT, endShareId: 1n, work: 1n }, 5);
      expect(await store().blocks.orphan(network, one.hash, 6)).toEqual({
        kind: 'orphaned',
        reversedSats: 990n,
      });
      expect(await store().blocks.orphan(network, one.hash, 7)).toEqual({
        kind: 'already-orphaned',
      });
      expect(await store().blocks.confirm(network, one.hash, 7)).toEqual({ kind: 'is-orphaned' });
      expect(await store().blocks.orphan(network, two.hash, 8)).toMatchObject({
        kind: 'orphaned',
        reversedSats: 0n,
      });
      expect(
        await store().blocks.credit(
          network,
          two.hash,
          { split: SPLIT, endShareId: 2n, work: 1n },
          9,
        ),
      ).toEqual({
        kind: 'is-orphaned',
      });
      expect(await balances(store(), network)).toEqual({
        alice: [0n, 0n, 0n, 0n],
        bob: [0n, 0n, 0n, 0n],
      });
      expect((await store().blocks.list(network, 'orphaned')).map((b) => b.height)).toEqual([
        102, 101,
      ]);
    });

    it('credits a block confirmed before its round straight to payable', async () => {
      const network = await freshNetwork(store(), 'late');
      const { hash } = block(network, 1);
      await store().blocks.recordFound(block(network, 1));
      await store().blocks.confirm(network, hash, 2);
      expect(
        await store().blocks.credit(network, hash, { split: SPLIT, endShareId: 1n, work: 1n }, 3),
      ).toMatchObject({
        into: 'payable',
      });
      expect(await balances(store(), network)).toEqual({
        alice: [0n, 600n, 0n, 0n],
        bob: [0n, 390n, 0n, 0n],
      });
    });

    it('throws on a split that does not add up to the reward, writing nothing', async () => {
      const network = await freshNetwork(store(), 'mismatch');
      const { hash } = block(network, 1);
      await store().blocks.recordFound(block(network, 1));
      const wrong = { ...SPLIT, feeSats: 11n };
      const twice = { credits: [SPLIT.credits[0]!, SPLIT.credits[0]!], feeSats: -200n };
      for (const split of [wrong, twice]) {
        await expect(
          store().blocks.credit(network, hash, { split, endShareId: 1n, work: 1n }, 3),
        ).rejects.toThrow('BLOCK_SPLIT_MISMATCH');
      }
      expect(
        await store().blocks.credit('nowhere', hash, { split: SPLIT, endShareId: 1n, work: 1n }, 3),
      ).toEqual({
        kind: 'not-found',
      });
      expect(await balances(store(), network)).toEqual({});
      expect((await store().blocks.get(network, hash))?.round).toBeUndefined();
    });
  });
}
