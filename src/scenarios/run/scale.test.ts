import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCRYPT_DIFF1,
  SHA256D_DIFF1,
  difficultyFrom,
  targetFromDifficulty,
  workOfTarget,
} from '../../pool/core/difficulty/index.js';
import { parseDecimal } from '../../pool/core/difficulty/rational.js';
import {
  MIN_HASHES_PER_SHARE,
  chooseScale,
  floorDifficulty,
  maxDecimal,
  scaleDecimal,
  scaleHashrate,
} from './scale.js';

describe('scaleDecimal', () => {
  it('shifts the decimal point, exactly, without trailing zeros', () => {
    expect(scaleDecimal('65536', 0)).toBe('65536');
    expect(scaleDecimal('65536', 3)).toBe('65.536');
    expect(scaleDecimal('0.001', 10)).toBe('0.0000000000001');
    expect(scaleDecimal('1000', 3)).toBe('1');
    expect(scaleDecimal('1.50', 1)).toBe('0.15');
  });

  it('is division by 10^digits as exact rationals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.nat(12),
        fc.nat(20),
        (units, places, digits) => {
          // Arrange: units / 10^places as decimal text
          const text = scaleDecimal(String(units), places);
          // Act
          const scaled = parseDecimal(scaleDecimal(text, digits));
          // Assert: scaled * 10^(places + digits) == units
          expect(scaled.kind).toBe('ok');
          if (scaled.kind !== 'ok') return;
          expect(scaled.value.num * 10n ** BigInt(places + digits)).toBe(units * scaled.value.den);
        },
      ),
    );
  });

  it('refuses what is not a plain decimal', () => {
    expect(() => scaleDecimal('1e-7', 2)).toThrow(RangeError);
  });
});

describe('chooseScale', () => {
  it('shrinks by the fewest powers of ten that fit the budget, and not at all when it fits', () => {
    // 5 scrypt ASICs at 9.5 GH/s for an hour: 1.71e14 hashes against a budget of 20,000.
    expect(chooseScale('scrypt', 5 * 9.5e9, 3_600_000)).toEqual({ digits: 10, factor: 1e-10 });
    expect(chooseScale('sha256d', 1_000, 60_000)).toEqual({ digits: 0, factor: 1 });
    expect(scaleHashrate(9.5e9, { digits: 10, factor: 1e-10 })).toBeCloseTo(0.95, 12);
  });
});

describe('floorDifficulty', () => {
  it.each([
    ['sha256d', SHA256D_DIFF1],
    ['scrypt', SCRYPT_DIFF1],
  ])(
    'is worth at least MIN_HASHES_PER_SHARE hashes of %s, and less than one more',
    (_name, diff1) => {
      const text = floorDifficulty(diff1);
      const work = workOfTarget(targetFromDifficulty(diff1, difficultyFrom(text)));
      expect(work).toBeGreaterThanOrEqual(MIN_HASHES_PER_SHARE);
      expect(work).toBeLessThan(MIN_HASHES_PER_SHARE + 1n);
    },
  );

  it('wins over smaller difficulties only', () => {
    expect(maxDecimal('0.000001', '0.5')).toBe('0.5');
    expect(maxDecimal('2', '0.5')).toBe('2');
  });
});
