import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPplns, type PplnsSplit } from './split.js';
import type { PplnsShare } from './window.js';

// Few names, so accounts repeat across shares; mixed case and non-ASCII test the ordering:
// '😀' (surrogate pair) sorts before 'ｚ' (U+FF5A) by code unit though not by code point.
const accountArb = fc.constantFrom('alice', 'bob', 'Carol', 'dave', 'érin', 'zoë', '', '😀', 'ｚ');
const shareArb: fc.Arbitrary<PplnsShare> = fc.record({
  account: accountArb,
  work: fc.oneof(fc.bigInt({ min: 1n, max: 4n }), fc.bigInt({ min: 1n, max: 1n << 80n })),
});
const windowArb = fc.array(shareArb, { minLength: 1, maxLength: 50 });
const rewardArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: 1n << 64n }),
  fc.bigInt({ min: 0n, max: 1n << 200n }),
);
const feeBpsArb = fc.integer({ min: 0, max: 10_000 });

function workByAccount(window: readonly PplnsShare[]): Map<string, bigint> {
  const work = new Map<string, bigint>();
  for (const s of window) work.set(s.account, (work.get(s.account) ?? 0n) + s.work);
  return work;
}

function creditOf(split: PplnsSplit, account: string): bigint {
  return split.credits.find((c) => c.account === account)?.amountSats ?? 0n;
}

describe('splitPplns examples', () => {
  it('splits 5000001410 sats over 3 miners at 1% fee (hand-computed)', () => {
    // Arrange: fee = floor(50000014.1) = 50000014, net = 4950001396, total work 7.
    // alice, bob: 3 * net / 7 = 2121429169 rem 5; carol: net / 7 = 707143056 rem 4.
    // Floors sum to 4950001394, so 2 units go to the two largest remainders.
    const window = [
      { account: 'carol', work: 1n },
      { account: 'bob', work: 2n },
      { account: 'alice', work: 3n },
      { account: 'bob', work: 1n },
    ];

    // Act
    const split = splitPplns(window, 5_000_001_410n, 100);

    // Assert
    expect(split).toEqual({
      credits: [
        { account: 'alice', amountSats: 2_121_429_170n },
        { account: 'bob', amountSats: 2_121_429_170n },
        { account: 'carol', amountSats: 707_143_056n },
      ],
      feeSats: 50_000_014n,
    });
  });

  it('breaks equal remainders by account id ascending, whatever the input order', () => {
    const window = [
      { account: 'c', work: 1n },
      { account: 'b', work: 1n },
      { account: 'a', work: 1n },
    ];

    const split = splitPplns(window, 100n, 0);

    expect(split).toEqual({
      credits: [
        { account: 'a', amountSats: 34n },
        { account: 'b', amountSats: 33n },
        { account: 'c', amountSats: 33n },
      ],
      feeSats: 0n,
    });
  });

  it('rounds the fee down and omits accounts credited nothing', () => {
    // fee = floor(3 * 5000 / 10000) = 1; net 2 over three equal accounts: floors 0, so the
    // two units go to 'a' and 'b' and 'c' is left out.
    const window = [
      { account: 'c', work: 5n },
      { account: 'a', work: 5n },
      { account: 'b', work: 5n },
    ];

    const split = splitPplns(window, 3n, 5000);

    expect(split).toEqual({
      credits: [
        { account: 'a', amountSats: 1n },
        { account: 'b', amountSats: 1n },
      ],
      feeSats: 1n,
    });
    expect(splitPplns(window, 199n, 50).feeSats).toBe(0n);
  });

  it('gives the whole reward to the pool for an empty window or a 100% fee', () => {
    expect(splitPplns([], 625_000_000n, 100)).toEqual({ credits: [], feeSats: 625_000_000n });
    expect(splitPplns([{ account: 'a', work: 1n }], 77n, 10_000)).toEqual({
      credits: [],
      feeSats: 77n,
    });
  });

  it('throws RangeError for invalid fee, reward or work', () => {
    const window = [{ account: 'a', work: 1n }];
    for (const feeBps of [-1, 10_001, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => splitPplns(window, 100n, feeBps)).toThrow(RangeError);
    }
    expect(() => splitPplns(window, -1n, 100)).toThrow(RangeError);
    expect(() => splitPplns([{ account: 'a', work: 0n }], 100n, 100)).toThrow(RangeError);
    expect(() => splitPplns([{ account: 'a', work: -1n }], 100n, 100)).toThrow(RangeError);
  });
});

describe('splitPplns properties', () => {
  it('conserves the reward exactly: sum(credits) + fee == reward', () => {
    fc.assert(
      fc.property(fc.array(shareArb, { maxLength: 50 }), rewardArb, feeBpsArb, (w, r, bps) => {
        const split = splitPplns(w, r, bps);

        const credited = split.credits.reduce((sum, c) => sum + c.amountSats, 0n);
        expect(credited + split.feeSats).toBe(r);
        // An empty window leaves the whole reward with the pool.
        expect(split.feeSats).toBe(w.length === 0 ? r : (r * BigInt(bps)) / 10_000n);
      }),
    );
  });

  it('lists positive credits once each, sorted by account code units', () => {
    fc.assert(
      fc.property(windowArb, rewardArb, feeBpsArb, (window, reward, feeBps) => {
        const { credits } = splitPplns(window, reward, feeBps);

        for (const c of credits) expect(c.amountSats > 0n).toBe(true);
        for (let i = 1; i < credits.length; i++) {
          expect((credits[i - 1]?.account ?? '') < (credits[i]?.account ?? '')).toBe(true);
        }
      }),
    );
  });

  it('credits each account floor or floor + 1 of its exact share, monotone in work', () => {
    fc.assert(
      fc.property(windowArb, rewardArb, feeBpsArb, (window, reward, feeBps) => {
        // Arrange
        const work = workByAccount(window);
        const totalWork = [...work.values()].reduce((a, b) => a + b, 0n);

        // Act
        const split = splitPplns(window, reward, feeBps);

        // Assert
        const net = reward - split.feeSats;
        for (const [account, w] of work) {
          const credit = creditOf(split, account);
          const floor = (net * w) / totalWork;
          expect(credit === floor || credit === floor + 1n).toBe(true);
        }
        for (const [a, wa] of work) {
          for (const [b, wb] of work) {
            if (wa > wb) expect(creditOf(split, a) >= creditOf(split, b)).toBe(true);
          }
        }
      }),
    );
  });

  it('hands leftover units to the largest remainders, ties to the smaller account id', () => {
    fc.assert(
      fc.property(windowArb, rewardArb, feeBpsArb, (window, reward, feeBps) => {
        // Arrange
        const work = workByAccount(window);
        const totalWork = [...work.values()].reduce((a, b) => a + b, 0n);

        // Act
        const split = splitPplns(window, reward, feeBps);

        // Assert: every account that got a unit ranks before every account that did not.
        const net = reward - split.feeSats;
        const rows = [...work].map(([account, w]) => ({
          account,
          remainder: (net * w) % totalWork,
          bumped: creditOf(split, account) === (net * w) / totalWork + 1n,
        }));
        for (const won of rows.filter((r) => r.bumped)) {
          for (const lost of rows.filter((r) => !r.bumped)) {
            const ranksFirst =
              won.remainder > lost.remainder ||
              (won.remainder === lost.remainder && won.account < lost.account);
            expect(ranksFirst).toBe(true);
          }
        }
      }),
    );
  });

  it('gives identical credits for any order of the same shares', () => {
    const arb = windowArb.chain((window) =>
      fc.tuple(
        fc.constant(window),
        fc.shuffledSubarray(window, { minLength: window.length, maxLength: window.length }),
      ),
    );
    fc.assert(
      fc.property(arb, rewardArb, feeBpsArb, ([window, permuted], reward, feeBps) => {
        expect(splitPplns(permuted, reward, feeBps)).toEqual(splitPplns(window, reward, feeBps));
      }),
    );
  });

  it('depends only on work per account, not on how it is cut into shares', () => {
    fc.assert(
      fc.property(windowArb, rewardArb, feeBpsArb, (window, reward, feeBps) => {
        const merged = [...workByAccount(window)].map(([account, work]) => ({ account, work }));

        expect(splitPplns(merged, reward, feeBps)).toEqual(splitPplns(window, reward, feeBps));
      }),
    );
  });
});
