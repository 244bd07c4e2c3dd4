import { parseDecimal } from '../../pool/core/difficulty/rational.js';

/**
 * Signed exact rationals for gate arithmetic, so `acceptance >= 0.98` compares 98/100 with
 * 0.98 exactly. A metric given as a JS number is read as the decimal it prints as, which is
 * how a person reading the report sees it.
 */
export interface Exact {
  readonly num: bigint;
  /** Always > 0. */
  readonly den: bigint;
}

export function exact(num: bigint, den = 1n): Exact {
  if (den === 0n) throw new RangeError('exact: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/** Decimal text ('0.98', '-2', '1e-3') or a finite number; undefined if it is neither. */
export function exactFrom(value: string | number): Exact | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const parsed = parseDecimal(String(value));
  if (parsed.kind !== 'ok') return undefined;
  const { num, den } = parsed.value;
  return exact(parsed.negative ? -num : num, den);
}

export const add = (a: Exact, b: Exact): Exact =>
  exact(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Exact, b: Exact): Exact =>
  exact(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Exact, b: Exact): Exact => exact(a.num * b.num, a.den * b.den);

/** undefined when dividing by zero. */
export function div(a: Exact, b: Exact): Exact | undefined {
  return b.num === 0n ? undefined : exact(a.num * b.den, a.den * b.num);
}

export function compareExact(a: Exact, b: Exact): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Decimal text: exact when it terminates within `maxFraction` digits, otherwise rounded half
 * away from zero to that many digits and marked with '~'.
 */
export function exactToText(value: Exact, maxFraction = 6): string {
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const scale = 10n ** BigInt(maxFraction);
  const scaled = magnitude * scale;
  let units = scaled / value.den;
  const rest = scaled % value.den;
  if (rest * 2n >= value.den && rest !== 0n) units += 1n;
  const whole = units / scale;
  const fraction = (units % scale).toString().padStart(maxFraction, '0').replace(/0+$/, '');
  const digits = fraction === '' ? `${whole}` : `${whole}.${fraction}`;
  const sign = negative && units !== 0n ? '-' : '';
  return `${rest === 0n ? '' : '~'}${sign}${digits}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
