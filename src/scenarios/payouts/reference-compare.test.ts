import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  POOL_FEE_ACCOUNT,
  compareWithReference,
  totalsByAccount,
  type ActualBlockPayout,
} from './reference-compare.js';
import { referencePayouts, type ReferenceBlockPayout } from './reference-pplns.js';

const reference: ReferenceBlockPayout[] = [
  {
    blockId: 'b1',
    rewardSats: 100n,
    feeSats: 1n,
    credits: new Map([
      ['a', 50n],
      ['b', 49n],
      ['c', 0n],
    ]),
  },
  { blockId: 'b2', rewardSats: 10n, feeSats: 0n, credits: new Map([['a', 10n]]) },
];

const asBooked = (blocks: readonly ReferenceBlockPayout[]): ActualBlockPayout[] =>
  blocks.map((b) => ({
    blockId: b.blockId,
    feeSats: b.feeSats,
    credits: [...b.credits]
      .filter(([, n]) => n > 0n)
      .map(([account, amountSats]) => ({ account, amountSats })),
  }));

describe('compareWithReference', () => {
  it('finds books equal to the reference equal, zero credits or not', () => {
    expect(compareWithReference(reference, asBooked(reference))).toEqual({
      kind: 'equal',
      blocksCompared: 2,
    });
  });

  it('reports every difference and the largest error in the smallest unit', () => {
    // Arrange: b1 moves 3 sats from b to a stranger and 1 sat from the fee to a.
    const actual: ActualBlockPayout[] = [
      {
        blockId: 'b1',
        feeSats: 0n,
        credits: [
          { account: 'a', amountSats: 51n },
          { account: 'b', amountSats: 46n },
          { account: 'x', amountSats: 3n },
        ],
      },
      { blockId: 'b2', feeSats: 0n, credits: [{ account: 'a', amountSats: 10n }] },
    ];
    // Act
    const comparison = compareWithReference(reference, actual);
    // Assert
    expect(comparison).toEqual({
      kind: 'different',
      blocksCompared: 2,
      largestErrorSats: 3n,
      differences: [
        { blockId: 'b1', account: POOL_FEE_ACCOUNT, expectedSats: 1n, actualSats: 0n },
        { blockId: 'b1', account: 'a', expectedSats: 50n, actualSats: 51n },
        { blockId: 'b1', account: 'b', expectedSats: 49n, actualSats: 46n },
        { blockId: 'b1', account: 'x', expectedSats: 0n, actualSats: 3n },
      ],
    });
  });

  it('counts an unpaid block and a paid block the chain did not keep as differences', () => {
    const paidOrphan: ActualBlockPayout = {
      blockId: 'orphan',
      feeSats: 0n,
      credits: [{ account: 'a', amountSats: 7n }],
    };
    const comparison = compareWithReference(reference, [
      ...asBooked(reference).slice(0, 1),
      paidOrphan,
    ]);
    expect(comparison.kind).toBe('different');
    if (comparison.kind !== 'different') return;
    expect(comparison.blocksCompared).toBe(3);
    expect(comparison.largestErrorSats).toBe(10n);
    expect(comparison.differences).toEqual([
      { blockId: 'b2', account: 'a', expectedSats: 10n, actualSats: 0n },
      { blockId: 'orphan', account: 'a', expectedSats: 0n, actualSats: 7n },
    ]);
  });

  it('catches any single-unit change to any credit of a correct split', () => {
    const truthArb = fc.record({
      shares: fc.array(
        fc.record({
          account: fc.constantFrom('a', 'b', 'c', 'd'),
          work: fc.bigInt({ min: 1n, max: 100n }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      reward: fc.bigInt({ min: 1n, max: 10n ** 10n }),
      feeBps: fc.integer({ min: 0, max: 9_999 }),
    });
    fc.assert(
      fc.property(
        truthArb,
        fc.nat(),
        fc.constantFrom(-1n, 1n),
        ({ shares, reward, feeBps }, pick, delta) => {
          // Arrange: move one unit between the pool fee and one booked account.
          const expected = referencePayouts({
            shares,
            blocks: [
              {
                blockId: 'b',
                rewardSats: reward,
                sharesBefore: shares.length,
                windowWork: 10n ** 6n,
              },
            ],
            feeBps,
          });
          const [booked] = asBooked(expected);
          if (booked === undefined || booked.credits.length === 0) return;
          const victim = pick % booked.credits.length;
          const credits = booked.credits.map((c, i) =>
            i === victim ? { ...c, amountSats: c.amountSats + delta } : c,
          );
          // Act
          const comparison = compareWithReference(expected, [
            { ...booked, feeSats: booked.feeSats - delta, credits },
          ]);
          // Assert
          expect(comparison).toMatchObject({ kind: 'different', largestErrorSats: 1n });
        },
      ),
    );
  });
});

describe('totalsByAccount', () => {
  it('sums each account over blocks on both sides, sorted by account', () => {
    const actual = asBooked(reference);
    expect(totalsByAccount(reference, actual)).toEqual([
      { account: 'a', expectedSats: 60n, actualSats: 60n },
      { account: 'b', expectedSats: 49n, actualSats: 49n },
      { account: 'c', expectedSats: 0n, actualSats: 0n },
    ]);
  });
});
