import type { QuantityParse } from './duration.js';

/** An exact positive factor: '2x' is 2/1, '1.5x' is 3/2. */
export interface Factor {
  readonly num: bigint;
  readonly den: bigint;
}

export const MULTIPLIER_PATTERN = '^\\d+(?:\\.\\d+)?x$';
const MULTIPLIER_RE = /^(\d+)(?:\.(\d+))?x$/;

export const MULTIPLIER_EXPECTED = "a factor like '2x' or '1.5x'";

export function parseMultiplier(text: string): QuantityParse<Factor> {
  const m = MULTIPLIER_RE.exec(text);
  if (m === null) return { ok: false, expected: MULTIPLIER_EXPECTED };
  const [, intDigits = '', fracDigits = ''] = m;
  let num = BigInt(intDigits + fracDigits);
  let den = 10n ** BigInt(fracDigits.length);
  if (num === 0n) return { ok: false, expected: 'a factor greater than 0x' };
  const g = gcd(num, den);
  num /= g;
  den /= g;
  return { ok: true, value: { num, den } };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
