import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDifficulty, difficultyFrom, difficultyRatio } from './difficulty.js';
import { decimalExponent, snapDifficulty } from './snap.js';

describe('decimalExponent', () => {
  it.each([
    ['1', 0],
    ['9.99', 0],
    ['10', 1],
    ['0.1', -1],
    ['0.0999', -2],
    ['1e-8', -8],
    ['18446744073709551616', 19],
  ])('floor(log10(%s)) = %i', (text, k) => {
    expect(decimalExponent(difficultyFrom(text))).toBe(k);
  });
});

describe('snapDifficulty', () => {
  it.each([
    ['123456', 'floor', '123000'],
    ['123456', 'ceil', '124000'],
    ['0.000123456', 'floor', '0.000123'],
    ['0.000123456', 'ceil', '0.000124'],
    ['999.5', 'ceil', '1000'],
    ['4', 'floor', '4'],
    ['1.23e-7', 'ceil', '1.23e-7'],
  ] as const)('%s %s -> %s', (input, direction, expected) => {
    expect(snapDifficulty(difficultyFrom(input), 3, direction)).toEqual(difficultyFrom(expected));
  });

  it('rounds the right way, by less than one unit of the last kept digit (property)', () => {
    const anyDifficulty = fc
      .tuple(fc.bigInt({ min: 1n, max: 1n << 90n }), fc.bigInt({ min: 1n, max: 1n << 90n }))
      .map(([num, den]) => difficultyRatio(num, den));
    fc.assert(
      fc.property(anyDifficulty, fc.integer({ min: 1, max: 6 }), (d, digits) => {
        // Act
        const down = snapDifficulty(d, digits, 'floor');
        const up = snapDifficulty(d, digits, 'ceil');
        // Assert
        expect(compareDifficulty(down, d)).toBeLessThanOrEqual(0);
        expect(compareDifficulty(up, d)).toBeGreaterThanOrEqual(0);
        expect(down.num > 0n).toBe(true);
        // Both are whole multiples of the unit 10^(k - digits + 1).
        const e = decimalExponent(d) - digits + 1;
        const unit =
          e >= 0 ? difficultyRatio(10n ** BigInt(e)) : difficultyRatio(1n, 10n ** BigInt(-e));
        for (const s of [down, up]) expect((s.num * unit.den) % (s.den * unit.num)).toBe(0n);
        // up - down is 0 or exactly one unit.
        const gapNum = up.num * down.den - down.num * up.den;
        const gapDen = up.den * down.den;
        const isExact = compareDifficulty(down, up) === 0;
        expect(isExact || gapNum * unit.den === unit.num * gapDen).toBe(true);
      }),
    );
  });

  it('refuses a digit count below 1', () => {
    expect(() => snapDifficulty(difficultyFrom(5), 0, 'floor')).toThrow(RangeError);
  });
});
