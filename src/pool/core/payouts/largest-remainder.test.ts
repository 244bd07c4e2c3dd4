import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareClaims, moveStrongestFirst, type Claim } from './largest-remainder.js';

// Unique accounts; remainders drawn from a small range too, so ties are common.
const claimsArb: fc.Arbitrary<Claim[]> = fc
  .uniqueArray(fc.string({ maxLength: 4 }), { maxLength: 300 })
  .chain((accounts) =>
    fc.tuple(
      fc.constant(accounts),
      fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 3n }), fc.bigInt({ min: 0n, max: 1n << 90n })), {
        minLength: accounts.length,
        maxLength: accounts.length,
      }),
      fc.constantFrom('shuffled', 'ascending', 'descending'),
    ),
  )
  .map(([accounts, remainders, layout]) => {
    const claims = accounts.map((account, i) => ({ account, remainder: remainders[i] ?? 0n }));
    if (layout === 'ascending') claims.sort((a, b) => compareClaims(b, a));
    if (layout === 'descending') claims.sort(compareClaims);
    return claims;
  });

const keys = (claims: readonly Claim[]): string[] => claims.map((c) => c.account).sort();

describe('compareClaims', () => {
  it('puts the larger remainder first, then the smaller account id', () => {
    expect(compareClaims({ account: 'b', remainder: 5n }, { account: 'a', remainder: 4n })).toBe(
      -1,
    );
    expect(compareClaims({ account: 'a', remainder: 5n }, { account: 'b', remainder: 5n })).toBe(
      -1,
    );
    expect(compareClaims({ account: 'b', remainder: 5n }, { account: 'a', remainder: 5n })).toBe(1);
  });
});

describe('moveStrongestFirst', () => {
  it('moves exactly the strongest `count` claims to the front, keeping every claim', () => {
    fc.assert(
      fc.property(
        claimsArb,
        fc.nat(),
        fc.constantFrom(undefined, 0, 1, 3),
        (claims, seed, maxRounds) => {
          // Arrange: maxRounds forces the sorting fallback early on some runs.
          const count = claims.length === 0 ? 0 : seed % (claims.length + 1);
          const expected = [...claims].sort(compareClaims).slice(0, count);
          const items = [...claims];

          // Act
          moveStrongestFirst(items, count, maxRounds);

          // Assert
          expect(keys(items.slice(0, count))).toEqual(keys(expected));
          expect(keys(items)).toEqual(keys(claims));
        },
      ),
    );
  });
});
