import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectWindow, windowWorkFor, type PplnsShare } from './window.js';

const shareArb: fc.Arbitrary<PplnsShare> = fc.record({
  account: fc.constantFrom('alice', 'bob', 'carol', 'dave'),
  work: fc.oneof(fc.bigInt({ min: 1n, max: 10n }), fc.bigInt({ min: 1n, max: 1n << 80n })),
});
const sharesArb = fc.array(shareArb, { maxLength: 40 });

const sumWork = (shares: readonly PplnsShare[]): bigint =>
  shares.reduce((sum, s) => sum + s.work, 0n);

describe('selectWindow', () => {
  it('clips the share that crosses the boundary and ignores older ones', () => {
    // Arrange
    const shares = [
      { account: 'a', work: 4n },
      { account: 'b', work: 5n },
      { account: 'c', work: 7n },
      { account: 'd', work: 9n },
    ];

    // Act
    const window = selectWindow(shares, 12n);

    // Assert
    expect(window).toEqual([
      { account: 'a', work: 4n },
      { account: 'b', work: 5n },
      { account: 'c', work: 3n },
    ]);
    expect(shares[2]).toEqual({ account: 'c', work: 7n });
  });

  it('keeps a share whole when it ends exactly on the boundary', () => {
    const shares = [
      { account: 'a', work: 4n },
      { account: 'b', work: 5n },
      { account: 'c', work: 7n },
    ];

    const window = selectWindow(shares, 9n);

    expect(window).toEqual([shares[0], shares[1]]);
    expect(window[1]).toBe(shares[1]);
  });

  it('returns every share when the log holds less work than the window', () => {
    const shares = [
      { account: 'a', work: 4n },
      { account: 'b', work: 5n },
    ];

    expect(selectWindow(shares, 100n)).toEqual(shares);
    expect(selectWindow([], 100n)).toEqual([]);
    expect(selectWindow(shares, 0n)).toEqual([]);
  });

  it('stops reading a lazy log once the window is full', () => {
    // Arrange: an endless log, newest first.
    let read = 0;
    function* endless(): Generator<PplnsShare> {
      for (;;) {
        read++;
        yield { account: `m${read % 3}`, work: 10n };
      }
    }

    // Act
    const window = selectWindow(endless(), 25n);

    // Assert
    expect(window.map((s) => s.work)).toEqual([10n, 10n, 5n]);
    expect(read).toBe(3);
  });

  it('throws RangeError for a negative window or a share without work', () => {
    expect(() => selectWindow([], -1n)).toThrow(RangeError);
    expect(() => selectWindow([{ account: 'a', work: 0n }], 5n)).toThrow(RangeError);
    expect(() => selectWindow([{ account: 'a', work: -3n }], 5n)).toThrow(RangeError);
  });

  it('sums to min(windowWork, available work), clipping only the last share', () => {
    fc.assert(
      fc.property(sharesArb, fc.bigInt({ min: 0n, max: 1n << 84n }), (shares, windowWork) => {
        // Act
        const window = selectWindow(shares, windowWork);

        // Assert
        const available = sumWork(shares);
        expect(sumWork(window)).toBe(windowWork < available ? windowWork : available);
        expect(window.length).toBeLessThanOrEqual(shares.length);
        window.forEach((s, i) => {
          const original = shares[i];
          expect(s.account).toBe(original?.account);
          if (i < window.length - 1) expect(s).toBe(original);
          else expect(s.work > 0n && s.work <= (original?.work ?? 0n)).toBe(true);
        });
      }),
    );
  });

  it('ignores older shares behind a full window', () => {
    fc.assert(
      fc.property(
        fc.array(shareArb, { minLength: 1, maxLength: 30 }),
        sharesArb,
        fc.bigInt({ min: 1n, max: 1n << 64n }),
        (newest, older, seed) => {
          // Arrange: a window no bigger than the work of the newest shares.
          const windowWork = 1n + (seed % sumWork(newest));

          // Act
          const alone = selectWindow(newest, windowWork);
          const withOlder = selectWindow([...newest, ...older], windowWork);

          // Assert
          expect(withOlder).toEqual(alone);
        },
      ),
    );
  });
});

describe('windowWorkFor', () => {
  it('scales the network work per block by an exact factor, rounding up', () => {
    expect(windowWorkFor(1000n, { num: 2n, den: 1n })).toBe(2000n);
    expect(windowWorkFor(1001n, { num: 3n, den: 2n })).toBe(1502n);
    expect(windowWorkFor(1000n, { num: 1n, den: 2n })).toBe(500n);
  });

  it('is the least work not shorter than networkWork * num / den', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 200n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        (networkWork, num, den) => {
          const windowWork = windowWorkFor(networkWork, { num, den });

          expect(windowWork * den >= networkWork * num).toBe(true);
          expect((windowWork - 1n) * den < networkWork * num).toBe(true);
        },
      ),
    );
  });

  it('throws RangeError for non-positive inputs', () => {
    expect(() => windowWorkFor(0n, { num: 2n, den: 1n })).toThrow(RangeError);
    expect(() => windowWorkFor(10n, { num: 0n, den: 1n })).toThrow(RangeError);
    expect(() => windowWorkFor(10n, { num: 2n, den: 0n })).toThrow(RangeError);
    expect(() => windowWorkFor(10n, { num: -2n, den: -1n })).toThrow(RangeError);
  });
});
