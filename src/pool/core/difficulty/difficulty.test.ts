import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCRYPT_DIFF1, SHA256D_DIFF1 } from './diff1.js';
import {
  clampDifficulty,
  compareDifficulty,
  difficultyFrom,
  difficultyFromTarget,
  difficultyOfHash,
  difficultyOfTarget,
  difficultyRatio,
  difficultyToNumber,
  divideDifficulty,
  hashMeetsDifficulty,
  multiplyDifficulty,
  targetFromDifficulty,
  type Difficulty,
} from './difficulty.js';
import { MAX_TARGET, bitsToTarget } from './targets.js';

const d = (num: bigint, den = 1n): Difficulty => ({ num, den });

/** Positive rationals from 2^-80 to 2^80, reduced. */
const anyDifficulty = fc
  .tuple(fc.bigInt({ min: 1n, max: 1n << 80n }), fc.bigInt({ min: 1n, max: 1n << 80n }))
  .map(([num, den]) => difficultyRatio(num, den));

/** Share difficulties real miners are given, as decimals: 1e-8 up to 2^64. */
const shareDifficulty = fc
  .double({ min: 1e-8, max: 2 ** 64, noNaN: true, noDefaultInfinity: true })
  .map((x) => difficultyFrom(x));

const anyDiff1 = fc.constantFrom(SHA256D_DIFF1, SCRYPT_DIFF1, (1n << 255n) - 1n, 0xffffn);

describe('difficultyFrom', () => {
  it.each([
    [0.00000001, d(1n, 10n ** 8n)],
    [1e-8, d(1n, 10n ** 8n)],
    ['1e-8', d(1n, 10n ** 8n)],
    ['0.001', d(1n, 1000n)],
    ['65536', d(65536n)],
    [65536, d(65536n)],
    [0.5, d(1n, 2n)],
    ['1.5E+3', d(1500n)],
    ['.25', d(1n, 4n)],
    ['+2.50', d(5n, 2n)],
    ['0.0001', d(1n, 10000n)],
    [1e21, d(10n ** 21n)],
    [2n ** 64n, d(2n ** 64n)],
    ['18446744073709551616', d(2n ** 64n)],
    [2 ** 64, d(18446744073709552000n)],
  ] as const)('reads %s exactly', (input, expected) => {
    expect(difficultyFrom(input)).toEqual(expected);
  });

  it.each([0, -1, -0, Number.NaN, Infinity, -Infinity, 0n, -5n])('refuses %s', (bad) => {
    expect(() => difficultyFrom(bad)).toThrow(RangeError);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    'abc',
    '1/2',
    '0x10',
    '1e',
    '.',
    '1..2',
    '1e1.5',
    '0.000',
    '-3',
    '1e2000',
  ])("refuses the text '%s'", (bad) => {
    expect(() => difficultyFrom(bad)).toThrow(RangeError);
  });

  it('round-trips every number in [1e-8, 1e12] through its text and back (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1e12, noNaN: true }), (x) => {
        expect(difficultyToNumber(difficultyFrom(x.toString()))).toBe(x);
        expect(difficultyToNumber(difficultyFrom(x))).toBe(x);
      }),
    );
  });
});

/** The exact value of a positive finite double as a ratio, and its neighbours. */
function doubleBits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
function fromBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}
function exactOf(x: number): Difficulty {
  const bits = doubleBits(x);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const mantissa = (bits & ((1n << 52n) - 1n)) | (exp === 0 ? 0n : 1n << 52n);
  const e = (exp === 0 ? 1 : exp) - 1075;
  return e >= 0 ? d(mantissa << BigInt(e)) : d(mantissa, 1n << BigInt(-e));
}
/** |a - b| compared with |a - c|, exactly. */
function closerOrEqual(a: Difficulty, b: Difficulty, c: Difficulty): boolean {
  const dist = (x: Difficulty): Difficulty => {
    const num = a.num * x.den - x.num * a.den;
    return d(num < 0n ? -num : num, a.den * x.den);
  };
  const db = dist(b);
  const dc = dist(c);
  return db.num * dc.den <= dc.num * db.den;
}

describe('difficultyToNumber', () => {
  it('rounds to the nearest double, never an ulp off (property)', () => {
    fc.assert(
      fc.property(anyDifficulty, (v) => {
        const x = difficultyToNumber(v);
        const bits = doubleBits(x);
        expect(closerOrEqual(v, exactOf(x), exactOf(fromBits(bits + 1n)))).toBe(true);
        expect(closerOrEqual(v, exactOf(x), exactOf(fromBits(bits - 1n)))).toBe(true);
      }),
    );
  });

  it('breaks ties to even and handles huge and tiny values', () => {
    expect(difficultyToNumber(d(2n ** 53n + 1n))).toBe(2 ** 53);
    expect(difficultyToNumber(d(2n ** 53n + 3n))).toBe(2 ** 53 + 4);
    expect(difficultyToNumber(d(1n, 3n))).toBe(1 / 3);
    expect(difficultyToNumber(d(MAX_TARGET))).toBe(2 ** 256);
    expect(difficultyToNumber(d(1n, 10n ** 400n))).toBe(0);
    expect(difficultyToNumber(d(10n ** 400n))).toBe(Infinity);
  });
});

describe('comparing and combining', () => {
  it('compares exactly where doubles cannot tell', () => {
    const a = d(10n ** 30n + 1n, 10n ** 30n);
    expect(compareDifficulty(a, d(1n))).toBe(1);
    expect(compareDifficulty(d(1n), a)).toBe(-1);
    expect(compareDifficulty(d(2n, 4n), d(1n, 2n))).toBe(0);
  });

  it('clamps into [min, max] and refuses min above max', () => {
    const min = d(1n, 1000n);
    const max = d(65536n);
    expect(clampDifficulty(d(1n, 10n ** 9n), min, max)).toBe(min);
    expect(clampDifficulty(d(10n ** 9n), min, max)).toBe(max);
    expect(clampDifficulty(d(3n), min, max)).toEqual(d(3n));
    expect(() => clampDifficulty(d(3n), max, min)).toThrow(RangeError);
  });

  it('multiplies and divides in lowest terms (property)', () => {
    fc.assert(
      fc.property(anyDifficulty, anyDifficulty, (a, f) => {
        const product = multiplyDifficulty(a, f);
        expect(product.num * a.den * f.den).toBe(a.num * f.num * product.den);
        expect(difficultyRatio(product.num, product.den)).toEqual(product);
        expect(divideDifficulty(product, f)).toEqual(a);
        expect(compareDifficulty(a, f)).toBe(-compareDifficulty(f, a));
      }),
    );
  });

  it('refuses a zero or negative ratio', () => {
    expect(() => difficultyRatio(0n)).toThrow(RangeError);
    expect(() => difficultyRatio(1n, 0n)).toThrow(RangeError);
    expect(() => difficultyRatio(-1n, 2n)).toThrow(RangeError);
  });
});

describe('targetFromDifficulty', () => {
  it("gives the miners' share targets: 0xffff * 2^208 / d (sha256d), 0xffff * 2^224 / d (scrypt)", () => {
    expect(targetFromDifficulty(SHA256D_DIFF1, d(1n))).toBe(0xffffn << 208n);
    expect(targetFromDifficulty(SCRYPT_DIFF1, d(1n))).toBe(0xffffn << 224n);
    expect(targetFromDifficulty(SHA256D_DIFF1, d(65536n))).toBe(0xffffn << 192n);
    expect(targetFromDifficulty(SCRYPT_DIFF1, difficultyFrom('0.001'))).toBe(
      (0xffffn << 224n) * 1000n,
    );
    expect(targetFromDifficulty(SHA256D_DIFF1, d(3n))).toBe((0xffffn << 208n) / 3n);
  });

  it('clamps to [1, 2^256 - 1]', () => {
    expect(targetFromDifficulty(SHA256D_DIFF1, d(1n, 1n << 64n))).toBe(MAX_TARGET);
    expect(targetFromDifficulty(SHA256D_DIFF1, d(1n << 300n))).toBe(1n);
  });

  it('never raises the target when the difficulty rises, and lowers it past the quantum', () => {
    fc.assert(
      fc.property(anyDiff1, shareDifficulty, shareDifficulty, (diff1, x, y) => {
        // Arrange
        const [lo, hi] = compareDifficulty(x, y) <= 0 ? [x, y] : [y, x];
        // Act
        const tLo = targetFromDifficulty(diff1, lo);
        const tHi = targetFromDifficulty(diff1, hi);
        // Assert
        expect(tHi <= tLo).toBe(true);
        // Unclamped and diff1/lo - diff1/hi >= 1: the floors must differ.
        const gapAtLeastOne = diff1 * (lo.den * hi.num - hi.den * lo.num) >= lo.num * hi.num;
        if (gapAtLeastOne && tLo < MAX_TARGET && tHi > 1n) expect(tHi < tLo).toBe(true);
      }),
    );
  });
});

describe('hashMeetsDifficulty', () => {
  it('passes a hash at exactly the target and fails target + 1 (property)', () => {
    fc.assert(
      fc.property(anyDiff1, shareDifficulty, (diff1, diff) => {
        const target = targetFromDifficulty(diff1, diff);
        fc.pre(target < MAX_TARGET && diff1 * diff.den >= diff.num);
        expect(hashMeetsDifficulty(target, diff1, diff)).toBe(true);
        expect(hashMeetsDifficulty(target + 1n, diff1, diff)).toBe(false);
      }),
    );
  });

  it('agrees with hash <= targetFromDifficulty around the boundary and anywhere (property)', () => {
    fc.assert(
      fc.property(
        anyDiff1,
        shareDifficulty,
        fc.integer({ min: -3, max: 3 }),
        fc.bigInt({ min: 0n, max: MAX_TARGET }),
        (diff1, diff, offset, randomHash) => {
          const target = targetFromDifficulty(diff1, diff);
          fc.pre(diff1 * diff.den >= diff.num);
          for (const hash of [target + BigInt(offset), randomHash]) {
            if (hash < 0n || hash > MAX_TARGET) continue;
            expect(hashMeetsDifficulty(hash, diff1, diff)).toBe(hash <= target);
          }
        },
      ),
    );
  });

  it('judges fractional difficulty exactly where a float would not', () => {
    const diff = difficultyFrom('0.1');
    const target = targetFromDifficulty(SHA256D_DIFF1, diff);
    expect(target).toBe((0xffffn << 208n) * 10n);
    expect(hashMeetsDifficulty(target, SHA256D_DIFF1, diff)).toBe(true);
    expect(hashMeetsDifficulty(target + 1n, SHA256D_DIFF1, diff)).toBe(false);
  });
});

describe('difficulty of a target or a hash (display)', () => {
  it('bitcoin genesis bits 1d00ffff are difficulty 1', () => {
    expect(difficultyOfTarget(SHA256D_DIFF1, bitsToTarget(0x1d00ffff))).toBe(1);
    expect(difficultyFromTarget(SHA256D_DIFF1, bitsToTarget(0x1d00ffff))).toEqual(d(1n));
  });

  it('bitcoin height 100000 (bits 1b04864c) is difficulty 14484.16236122', () => {
    const target = bitsToTarget(0x1b04864c);
    // The published figure is truncated to 8 places; the exact value is 14484.16236122539885...
    const shown = difficultyOfTarget(SHA256D_DIFF1, target);
    expect(Math.trunc(shown * 1e8) / 1e8).toBe(14484.16236122);
    expect(shown).toBe(4294901760 / 296524);
    expect(difficultyFromTarget(SHA256D_DIFF1, target)).toEqual(
      difficultyRatio(0xffffn << 16n, 0x04864cn),
    );
  });

  it('litecoin genesis bits 1e0ffff0: 0.000244140625 on the bitcoin scale, 16 on the scrypt one', () => {
    const target = bitsToTarget(0x1e0ffff0);
    // Litecoin Core's getdifficulty counts against Bitcoin's difficulty-1 target.
    expect(difficultyOfTarget(SHA256D_DIFF1, target)).toBe(0.000244140625);
    // Scrypt pools count share difficulty against a target 2^16 easier.
    expect(difficultyOfTarget(SCRYPT_DIFF1, target)).toBe(16);
  });

  it('a hash of zero is infinitely difficult; a hash at diff1 is difficulty 1', () => {
    expect(difficultyOfHash(SHA256D_DIFF1, 0n)).toBe(Infinity);
    expect(difficultyOfHash(SCRYPT_DIFF1, SCRYPT_DIFF1)).toBe(1);
    expect(() => difficultyOfTarget(SHA256D_DIFF1, -1n)).toThrow(RangeError);
    expect(() => difficultyFromTarget(SHA256D_DIFF1, 0n)).toThrow(RangeError);
    expect(() => targetFromDifficulty(0n, d(1n))).toThrow(RangeError);
  });
});
