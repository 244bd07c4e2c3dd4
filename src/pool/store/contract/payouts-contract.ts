import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { balances, block, freshNetwork, SPLIT } from './books-contract.js';

/** Payout plans: written before sending, idempotent, reserved, settled or cancelled. */
export function payoutsContract(store: () => Store): void {
  describe('payouts', () => {
    async function funded(label: string): Promise<string> {
      const network = await freshNetwork(store(), label);
      await store().blocks.recordFound(block(network, 1));
      await store().blocks.credit(
        network,
        block(network, 1).hash,
        { split: SPLIT, endShareId: 1n, work: 1n },
        1,
      );
      await store().blocks.confirm(network, block(network, 1).hash, 2);
      return network;
    }

    it('reserves a plan before sending, is idempotent by plan id, and settles', async () => {
      const network = await funded('pay');
      const plan = {
        planId: `${network}/1`,
        network,
        items: [{ address: 'alice', amountSats: 500n }],
      };
      expect(await store().payouts.plan(plan, 10)).toEqual({ kind: 'planned', totalSats: 500n });
      expect(await store().payouts.plan(plan, 11)).toEqual({ kind: 'exists', status: 'planned' });
      expect((await balances(store(), network))['alice']).toEqual([0n, 100n, 500n, 0n]);
      expect(await store().payouts.confirm(plan.planId, 12)).toEqual({
        kind: 'unchanged',
        status: 'planned',
      });
      expect(await store().payouts.markSent(plan.planId, 'txid-1', 13)).toEqual({ kind: 'sent' });
      expect(await store().payouts.markSent(plan.planId, 'txid-1', 14)).toEqual({
        kind: 'already-sent',
        status: 'sent',
      });
      await expect(store().payouts.markSent(plan.planId, 'txid-2', 15)).rejects.toThrow(
        'PAYOUT_PLAN_CONFLICT',
      );
      expect(await store().payouts.cancel(plan.planId, 16)).toEqual({
        kind: 'unchanged',
        status: 'sent',
      });
      expect(await store().payouts.confirm(plan.planId, 17)).toEqual({ kind: 'confirmed' });
      expect(await store().payouts.plan(plan, 18)).toEqual({ kind: 'exists', status: 'confirmed' });
      expect((await balances(store(), network))['alice']).toEqual([0n, 100n, 0n, 500n]);
      expect(await store().payouts.get(plan.planId)).toEqual({
        ...plan,
        status: 'confirmed',
        totalSats: 500n,
        txid: 'txid-1',
        plannedMs: 10,
        sentMs: 13,
        settledMs: 17,
      });
      expect(await store().payouts.get('nope')).toBeUndefined();
      expect(await store().payouts.markSent('nope', 't', 1)).toEqual({ kind: 'not-found' });
    });

    it('cancels a plan never sent, giving the amounts back', async () => {
      const network = await funded('cancel');
      const plan = {
        planId: `${network}/c`,
        network,
        items: [{ address: 'bob', amountSats: 390n }],
      };
      await store().payouts.plan(plan, 1);
      expect(await store().payouts.cancel(plan.planId, 2)).toEqual({ kind: 'cancelled' });
      expect(await store().payouts.markSent(plan.planId, 'tx', 3)).toEqual({
        kind: 'is-cancelled',
      });
      expect((await balances(store(), network))['bob']).toEqual([0n, 390n, 0n, 0n]);
      expect(await store().payouts.list(network, 'cancelled')).toHaveLength(1);
    });

    it('writes nothing for a plan a balance cannot cover, and refuses bad or conflicting plans', async () => {
      const network = await funded('short');
      const plan = {
        planId: `${network}/s`,
        network,
        items: [
          { address: 'alice', amountSats: 600n },
          { address: 'bob', amountSats: 391n },
          { address: 'carol', amountSats: 1n },
        ],
      };
      expect(await store().payouts.plan(plan, 1)).toEqual({
        kind: 'insufficient',
        shortfalls: [
          { address: 'bob', payableSats: 390n },
          { address: 'carol', payableSats: 0n },
        ],
      });
      expect(await store().payouts.get(plan.planId)).toBeUndefined();
      expect((await balances(store(), network))['alice']).toEqual([0n, 600n, 0n, 0n]);
      const ok = { ...plan, items: [{ address: 'alice', amountSats: 1n }] };
      await store().payouts.plan(ok, 2);
      await expect(
        store().payouts.plan({ ...ok, items: [{ address: 'alice', amountSats: 2n }] }, 3),
      ).rejects.toThrow('PAYOUT_PLAN_CONFLICT');
      for (const items of [
        [],
        [{ address: 'a', amountSats: 0n }],
        [
          { address: 'a', amountSats: 1n },
          { address: 'a', amountSats: 1n },
        ],
      ]) {
        await expect(store().payouts.plan({ planId: 'bad', network, items }, 4)).rejects.toThrow(
          'PAYOUT_BAD_PLAN',
        );
      }
    });

    it('lets only as many concurrent plans through as the balance covers', async () => {
      const network = await funded('concurrent');
      const outcomes = await Promise.all(
        [1, 2, 3, 4, 5].map((i) =>
          store().payouts.plan(
            { planId: `${network}/${i}`, network, items: [{ address: 'alice', amountSats: 250n }] },
            i,
          ),
        ),
      );
      expect(outcomes.filter((o) => o.kind === 'planned')).toHaveLength(2);
      expect((await balances(store(), network))['alice']).toEqual([0n, 100n, 500n, 0n]);
    });
  });
}
