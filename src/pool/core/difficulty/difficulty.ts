import { compareRatio, multiplyRatio, parseDecimal, ratioToNumber, reduce } from './rational.js';
import { MAX_TARGET } from './targets.js';

/**
 * Pool difficulty as an exact positive rational in lowest terms. Stratum sends it as a JSON
 * number (0.0001 is common), but a float decides shares wrongly at the edge, so the pool
 * judges with num/den and converts to `number` only for the wire and the UI.
 */
export interface Difficulty {
  readonly num: bigint;
  readonly den: bigint;
}

/** num/den reduced; throws a RangeError unless both are > 0. */
export function difficultyRatio(num: bigint, den = 1n): Difficulty {
  if (num <= 0n || den <= 0n) throw new RangeError(`difficulty ${num}/${den} must be > 0`);
  return reduce(num, den);
}

/**
 * Exact difficulty from a decimal: a number through its shortest JS text (0.00000001 is
 * 1/10^8, not the double nearest to it; 2 ** 64 is 18446744073709552000, pass a bigint for
 * 2n ** 64n), a string such as '0.001', '1e-8' or '65536', or a bigint. Throws a RangeError
 * for zero, negatives, NaN, infinities, malformed text, or beyond 10^±1000.
 */
export function difficultyFrom(value: number | string | bigint): Difficulty {
  if (typeof value === 'bigint') return difficultyRatio(value);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`difficulty must be finite, got ${value}`);
  }
  const text = String(value);
  const parsed = parseDecimal(text);
  if (parsed.kind === 'malformed') throw new RangeError(`difficulty '${text}' is not a decimal`);
  if (parsed.kind === 'out-of-range') {
    throw new RangeError(`difficulty '${text}' is outside 10^-1000..10^1000`);
  }
  if (parsed.negative || parsed.value.num === 0n) {
    throw new RangeError(`difficulty must be > 0, got '${text}'`);
  }
  return parsed.value;
}

/** The nearest double (ties to even). For the wire and the UI only. */
export function difficultyToNumber(d: Difficulty): number {
  return ratioToNumber(d.num, d.den);
}

export function compareDifficulty(a: Difficulty, b: Difficulty): -1 | 0 | 1 {
  return compareRatio(a, b);
}

export function clampDifficulty(d: Difficulty, min: Difficulty, max: Difficulty): Difficulty {
  if (compareRatio(min, max) > 0) throw new RangeError('clampDifficulty: min is above max');
  if (compareRatio(d, min) < 0) return min;
  if (compareRatio(d, max) > 0) return max;
  return d;
}

export function multiplyDifficulty(d: Difficulty, factor: Difficulty): Difficulty {
  return multiplyRatio(d, factor);
}

export function divideDifficulty(d: Difficulty, divisor: Difficulty): Difficulty {
  return multiplyRatio(d, { num: divisor.den, den: divisor.num });
}

function assertDiff1(diff1: bigint): void {
  if (diff1 <= 0n || diff1 > MAX_TARGET) {
    throw new RangeError(`diff1 target must be in 1..2^256-1, got ${diff1}`);
  }
}

/** floor(diff1 * den / num), clamped to [1, 2^256 - 1] so it is always a usable target. */
export function targetFromDifficulty(diff1: bigint, d: Difficulty): bigint {
  assertDiff1(diff1);
  const target = (diff1 * d.den) / d.num;
  if (target < 1n) return 1n;
  return target > MAX_TARGET ? MAX_TARGET : target;
}

/**
 * hash * num <= diff1 * den: the same verdict as `hash <= targetFromDifficulty(diff1, d)`
 * without the division (they differ only where that target is clamped up to 1, at a
 * difficulty above diff1 itself, which nothing mines).
 */
export function hashMeetsDifficulty(hash: bigint, diff1: bigint, d: Difficulty): boolean {
  return hash * d.num <= diff1 * d.den;
}

/** The exact difficulty a target stands for: diff1 / target (e.g. a network's, from its bits). */
export function difficultyFromTarget(diff1: bigint, target: bigint): Difficulty {
  assertDiff1(diff1);
  if (target <= 0n || target > MAX_TARGET) {
    throw new RangeError(`target must be in 1..2^256-1, got ${target}`);
  }
  return reduce(diff1, target);
}

/** diff1 / target as a number, for display. A zero target is Infinity. */
export function difficultyOfTarget(diff1: bigint, target: bigint): number {
  assertDiff1(diff1);
  if (target < 0n || target > MAX_TARGET) {
    throw new RangeError(`target must be in 0..2^256-1, got ${target}`);
  }
  return target === 0n ? Infinity : ratioToNumber(diff1, target);
}

/** The difficulty a hash would have met (diff1 / hash), for display ("best share"). */
export function difficultyOfHash(diff1: bigint, hash: bigint): number {
  return difficultyOfTarget(diff1, hash);
}
