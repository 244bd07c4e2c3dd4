import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Balance } from '../store/books/balance-repository.js';
import { nextPlan } from './payout-planner.js';

function payable(address: string, payableSats: bigint): Balance {
  return { network: 'n', address, immatureSats: 0n, payableSats, reservedSats: 0n, paidSats: 0n };
}

describe('nextPlan', () => {
  it('pays whole payable balances at or above the threshold, largest first up to maxOutputs', () => {
    // Arrange
    const balances = [payable('d', 50n), payable('a', 300n), payable('c', 300n), payable('b', 99n)];

    // Act
    const plan = nextPlan('ltc', balances, { minPayoutSats: 100n, maxOutputs: 1 }, 42);
    const all = nextPlan('ltc', balances, { minPayoutSats: 100n, maxOutputs: 10 }, 42);

    // Assert: ties on amount go to the address that sorts first.
    expect(plan?.items).toEqual([{ address: 'a', amountSats: 300n }]);
    expect(all?.items).toEqual([
      { address: 'a', amountSats: 300n },
      { address: 'c', amountSats: 300n },
    ]);
    expect(all?.planId).toMatch(/^ltc\/42\/[0-9a-f]{16}$/);
    expect(nextPlan('ltc', [payable('d', 50n)], { minPayoutSats: 100n, maxOutputs: 9 }, 1)).toBe(
      undefined,
    );
  });

  it('property: the id depends only on network, time and items; items are unique and positive', () => {
    const balanceArb = fc.uniqueArray(
      fc.record({
        address: fc.string({ minLength: 1, maxLength: 6 }),
        sats: fc.bigInt(0n, 1n << 60n),
      }),
      { selector: (b) => b.address, maxLength: 20 },
    );
    fc.assert(
      fc.property(
        balanceArb,
        fc.bigInt(1n, 1n << 40n),
        fc.integer({ min: 1, max: 5 }),
        (bs, min, max) => {
          const balances = bs.map((b) => payable(b.address, b.sats));
          const limits = { minPayoutSats: min, maxOutputs: max };
          const plan = nextPlan('n', balances, limits, 7);
          expect(nextPlan('n', [...balances].reverse(), limits, 7)).toEqual(plan);
          const eligible = balances.filter((b) => b.payableSats >= min);
          expect(plan?.items.length ?? 0).toBe(Math.min(max, eligible.length));
          for (const item of plan?.items ?? []) expect(item.amountSats >= min).toBe(true);
        },
      ),
    );
  });
});
