/**
 * Exact positive rationals on bigints: the arithmetic under difficulty and vardiff. Kept apart
 * so the decimal parsing and the correctly rounded conversion to `number` are written once.
 */

export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms; the caller guarantees den > 0. */
export function reduce(num: bigint, den: bigint): Ratio {
  const g = gcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function multiplyRatio(a: Ratio, b: Ratio): Ratio {
  return reduce(a.num * b.num, a.den * b.den);
}

// A sign, digits with an optional point, an optional exponent: what String(number) produces
// and what people write in config ('0.001', '65536', '1e-8', '1.5E+3', '.5').
const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;

/** Beyond 10^±MAX_EXPONENT a decimal is refused: no difficulty is that extreme. */
const MAX_EXPONENT = 1000;

export type DecimalParse =
  | { readonly kind: 'ok'; readonly value: Ratio; readonly negative: boolean }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'out-of-range' };

/** Decimal text to an exact, reduced rational (value zero gives num 0n, den 1n). */
export function parseDecimal(text: string): DecimalParse {
  const m = DECIMAL_RE.exec(text);
  if (m === null) return { kind: 'malformed' };
  const [, sign = '', intDigits = '', fracDigits = '', expText = '0'] = m;
  if (intDigits.length + fracDigits.length === 0) return { kind: 'malformed' };
  const significant = (intDigits + fracDigits).replace(/^0+/, '');
  const negative = sign === '-';
  if (significant === '') return { kind: 'ok', value: { num: 0n, den: 1n }, negative };
  const exponent = Number(expText) - fracDigits.length;
  // Checked before any bigint is built, so absurd text cannot make a huge power of ten.
  if (Math.abs(exponent + significant.length) > MAX_EXPONENT) return { kind: 'out-of-range' };
  const digits = BigInt(significant);
  const value =
    exponent >= 0
      ? { num: digits * 10n ** BigInt(exponent), den: 1n }
      : reduce(digits, 10n ** BigInt(-exponent));
  return { kind: 'ok', value, negative };
}

export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * num/den (both > 0) as the nearest double, ties to even. Dividing Number(num) by
 * Number(den) rounds three times and can miss by an ulp, which breaks
 * `difficultyToNumber(difficultyFrom(String(x))) === x`.
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  // Scale so the integer quotient has 55 or 56 bits: 53 to keep, the rest to round on.
  const shift = bitLength(den) - bitLength(num) + 55;
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  const q = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  const extra = bitLength(q) - 53;
  let mantissa = q >> BigInt(extra);
  const rest = q & ((1n << BigInt(extra)) - 1n);
  const half = 1n << BigInt(extra - 1);
  if (rest > half || (rest === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
  const exponent = extra - shift;
  // Two factors keep 2 ** exponent itself from underflowing to 0 or overflowing to Infinity
  // while the product is still representable (subnormal results may round twice).
  const firstStep = Math.trunc(exponent / 2);
  return Number(mantissa) * 2 ** firstStep * 2 ** (exponent - firstStep);
}
