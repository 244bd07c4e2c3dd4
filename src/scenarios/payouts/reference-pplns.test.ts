import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePplnsSplits,
  selectWindow,
  splitPplns,
  windowWorkFor,
} from '../../pool/core/payouts/index.js';
import { compareWithReference, type ActualBlockPayout } from './reference-compare.js';
import {
  referencePayouts,
  referenceWindowWork,
  type PayoutTruth,
  type TruthShare,
} from './reference-pplns.js';

// Few accounts so they repeat; '😀' (surrogate pair) sorts before 'ｚ' by code unit only.
const accountArb = fc.constantFrom('alice', 'bob', 'Carol', 'dave', 'érin', '', '😀', 'ｚ');
const shareArb: fc.Arbitrary<TruthShare> = fc.record({
  account: accountArb,
  work: fc.oneof(fc.bigInt({ min: 1n, max: 5n }), fc.bigInt({ min: 1n, max: 1n << 70n })),
});

/** Shares, and blocks found at random points of them with random windows and rewards. */
const truthArb: fc.Arbitrary<PayoutTruth> = fc
  .array(shareArb, { maxLength: 60 })
  .chain((shares) =>
    fc.record({
      shares: fc.constant(shares),
      blocks: fc.array(
        fc.record({
          blockId: fc.string({ minLength: 1, maxLength: 6 }),
          rewardSats: fc.oneof(
            fc.bigInt({ min: 0n, max: 1000n }),
            fc.bigInt({ min: 0n, max: 1n << 64n }),
          ),
          sharesBefore: fc.integer({ min: 0, max: shares.length }),
          windowWork: fc.oneof(
            fc.bigInt({ min: 0n, max: 20n }),
            fc.bigInt({ min: 0n, max: 1n << 72n }),
          ),
        }),
        { maxLength: 5 },
      ),
      feeBps: fc.integer({ min: 0, max: 10_000 }),
    }),
  )
  .map((truth) => ({
    ...truth,
    blocks: truth.blocks.map((b, i) => ({ ...b, blockId: `${i}:${b.blockId}` })),
  }));

/** The pool's own code (src/pool/core/payouts), run over the same truth. */
function poolPayouts(truth: PayoutTruth): ActualBlockPayout[] {
  return truth.blocks.map((block) => {
    const newestFirst = truth.shares.slice(0, block.sharesBefore).reverse();
    const split = splitPplns(
      selectWindow(newestFirst, block.windowWork),
      block.rewardSats,
      truth.feeBps,
    );
    return { blockId: block.blockId, ...split };
  });
}

describe('referencePayouts', () => {
  it('splits a block by hand-checked numbers, clipping the share that crosses the window', () => {
    // Arrange: window 6 walks back over dave 2, carol 1, bob 2, then alice's 5 clipped to 1.
    // fee = floor(1000 * 250 / 10000) = 25, net 975; alice 1/6, bob 2/6, carol 1/6, dave 2/6.
    // Floors: 162, 325, 162, 325 = 974; remainders 3, 0, 3, 0: alice wins the tie by id.
    const truth: PayoutTruth = {
      shares: [
        { account: 'zed', work: 7n },
        { account: 'alice', work: 5n },
        { account: 'bob', work: 2n },
        { account: 'carol', work: 1n },
        { account: 'dave', work: 2n },
        { account: 'late', work: 9n },
      ],
      blocks: [{ blockId: 'b1', rewardSats: 1000n, sharesBefore: 5, windowWork: 6n }],
      feeBps: 250,
    };
    // Act
    const [block] = referencePayouts(truth);
    // Assert
    expect(block?.feeSats).toBe(25n);
    expect([...(block?.credits ?? [])]).toEqual([
      ['alice', 163n],
      ['bob', 325n],
      ['carol', 162n],
      ['dave', 325n],
    ]);
  });

  it('gives the whole reward to the pool when the window is empty', () => {
    const [block] = referencePayouts({
      shares: [{ account: 'a', work: 1n }],
      blocks: [{ blockId: 'b', rewardSats: 50n, sharesBefore: 0, windowWork: 10n }],
      feeBps: 100,
    });
    expect(block).toEqual({ blockId: 'b', rewardSats: 50n, feeSats: 50n, credits: new Map() });
  });

  it('conserves every reward exactly: credits + fee == reward', () => {
    fc.assert(
      fc.property(truthArb, (truth) => {
        for (const block of referencePayouts(truth)) {
          const credited = [...block.credits.values()].reduce((a, b) => a + b, 0n);
          expect(credited + block.feeSats).toBe(block.rewardSats);
        }
      }),
    );
  });

  it("agrees with the pool's selectWindow + splitPplns on every random ground truth", () => {
    fc.assert(
      fc.property(truthArb, (truth) => {
        // Arrange
        const expected = referencePayouts(truth);
        // Act
        const actual = poolPayouts(truth);
        // Assert: through this module's comparison and through the pool's own.
        expect(compareWithReference(expected, actual)).toEqual({
          kind: 'equal',
          blocksCompared: truth.blocks.length,
        });
        expected.forEach((block, i) => {
          const credits = [...block.credits].map(([account, amountSats]) => ({
            account,
            amountSats,
          }));
          const split = actual[i] ?? { credits: [], feeSats: 0n };
          expect(comparePplnsSplits({ credits, feeSats: block.feeSats }, split)).toEqual({
            kind: 'equal',
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("sizes windows like the pool's windowWorkFor (ceil of work times factor)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 80n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        (work, num, den) => {
          expect(referenceWindowWork(work, { num, den })).toBe(windowWorkFor(work, { num, den }));
        },
      ),
    );
  });

  it('refuses a fee outside 0..10000 bps, a block past the last share and shares without work', () => {
    const block = { blockId: 'b', rewardSats: 1n, sharesBefore: 1, windowWork: 1n };
    const shares = [{ account: 'a', work: 1n }];
    expect(() => referencePayouts({ shares, blocks: [block], feeBps: 10_001 })).toThrow(RangeError);
    expect(() =>
      referencePayouts({ shares, blocks: [{ ...block, sharesBefore: 2 }], feeBps: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      referencePayouts({ shares: [{ account: 'a', work: 0n }], blocks: [block], feeBps: 0 }),
    ).toThrow(RangeError);
  });
});
