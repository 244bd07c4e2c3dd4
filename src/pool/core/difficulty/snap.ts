import type { Difficulty } from './difficulty.js';
import { reduce } from './rational.js';

/** floor(log10(d)), exactly. */
export function decimalExponent(d: Difficulty): number {
  const k = d.num.toString().length - d.den.toString().length;
  // d lies in (10^(k-1), 10^(k+1)), so floor(log10 d) is k or k - 1.
  const atLeast = k >= 0 ? d.num >= d.den * 10n ** BigInt(k) : d.num * 10n ** BigInt(-k) >= d.den;
  return atLeast ? k : k - 1;
}

/**
 * d rounded down ('floor') or up ('ceil') to `digits` significant decimal digits, exactly.
 * Vardiff sends these so the JSON number a miner reads (0.000123, 4560, 1.23e-7) is short
 * and is the very rational the pool judges shares with.
 */
export function snapDifficulty(
  d: Difficulty,
  digits: number,
  direction: 'floor' | 'ceil',
): Difficulty {
  if (!Number.isInteger(digits) || digits < 1) {
    throw new RangeError(`significant digits must be an integer >= 1, got ${digits}`);
  }
  const unitExponent = decimalExponent(d) - (digits - 1);
  const unit = 10n ** BigInt(Math.abs(unitExponent));
  // d / 10^unitExponent as a fraction a/b, then rounded to an integer count of units.
  const a = unitExponent >= 0 ? d.num : d.num * unit;
  const b = unitExponent >= 0 ? d.den * unit : d.den;
  const units = direction === 'floor' ? a / b : (a + b - 1n) / b;
  return unitExponent >= 0 ? { num: units * unit, den: 1n } : reduce(units, unit);
}
