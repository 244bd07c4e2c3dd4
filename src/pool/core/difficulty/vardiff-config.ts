import { compareDifficulty, difficultyFrom, type Difficulty } from './difficulty.js';
import { parseDecimal, reduce, type Ratio } from './rational.js';

export interface VardiffConfigInput {
  /** The share interval vardiff steers each miner towards. */
  readonly targetShareTimeMs: number;
  /** How long a window of shares is watched before it is judged. */
  readonly retargetIntervalMs: number;
  /** Half-width of the band around targetShareTimeMs, in percent, inside which nothing changes. */
  readonly variancePercent: number;
  readonly minDifficulty: Difficulty | number | string | bigint;
  readonly maxDifficulty: Difficulty | number | string | bigint;
  /** Largest change per retarget: 4 allows x4 up or /4 down. */
  readonly maxStepFactor: number;
}

/** A validated config. Build it with `vardiffConfig`; retarget trusts its exact fields. */
export interface VardiffConfig {
  readonly targetShareTimeMs: number;
  readonly retargetIntervalMs: number;
  readonly variancePercent: number;
  readonly minDifficulty: Difficulty;
  readonly maxDifficulty: Difficulty;
  readonly maxStepFactor: number;
  /** Times in whole microseconds, the band as the fraction variancePercent / 100, the step. */
  readonly exact: {
    readonly targetShareTimeUs: bigint;
    readonly retargetIntervalUs: bigint;
    readonly variance: Ratio;
    readonly maxStep: Ratio;
  };
}

/** Milliseconds (fractional from virtual clocks) to whole microseconds, the vardiff time unit. */
export function msToUs(ms: number): bigint {
  return BigInt(Math.round(ms * 1000));
}

function fail(message: string): never {
  throw new RangeError(`vardiff config: ${message}`);
}

function positiveMs(name: string, value: number): bigint {
  if (!Number.isFinite(value) || value <= 0)
    fail(`${name} must be a finite number > 0, got ${value}`);
  const us = msToUs(value);
  if (us < 1n) fail(`${name} must be at least 0.001 ms, got ${value}`);
  return us;
}

/** A finite number as the exact rational of its shortest decimal text. */
function exactDecimal(name: string, value: number): Ratio {
  const parsed = parseDecimal(String(value));
  if (parsed.kind !== 'ok') fail(`${name} must be a finite number, got ${value}`);
  return parsed.value;
}

function difficultyField(name: string, value: VardiffConfigInput['minDifficulty']): Difficulty {
  if (typeof value === 'object') {
    if (value.num > 0n && value.den > 0n) return reduce(value.num, value.den);
    fail(`${name} must be > 0, got ${value.num}/${value.den}`);
  }
  try {
    return difficultyFrom(value);
  } catch (error) {
    if (error instanceof RangeError) fail(`${name}: ${error.message}`);
    throw error;
  }
}

/** Validates and freezes a vardiff config; throws a RangeError naming the bad field. */
export function vardiffConfig(input: VardiffConfigInput): VardiffConfig {
  const targetShareTimeUs = positiveMs('targetShareTimeMs', input.targetShareTimeMs);
  const retargetIntervalUs = positiveMs('retargetIntervalMs', input.retargetIntervalMs);
  const v = input.variancePercent;
  if (!Number.isFinite(v) || v <= 0 || v >= 100) {
    fail(`variancePercent must be > 0 and < 100, got ${v}`);
  }
  const variancePercent = exactDecimal('variancePercent', v);
  const s = input.maxStepFactor;
  if (!Number.isFinite(s) || s <= 1) {
    fail(`maxStepFactor must be a finite number > 1 (1 would never change anything), got ${s}`);
  }
  const maxStep = exactDecimal('maxStepFactor', s);
  const minDifficulty = difficultyField('minDifficulty', input.minDifficulty);
  const maxDifficulty = difficultyField('maxDifficulty', input.maxDifficulty);
  if (compareDifficulty(minDifficulty, maxDifficulty) > 0) {
    fail('minDifficulty must not be above maxDifficulty');
  }
  return Object.freeze({
    targetShareTimeMs: input.targetShareTimeMs,
    retargetIntervalMs: input.retargetIntervalMs,
    variancePercent: v,
    minDifficulty,
    maxDifficulty,
    maxStepFactor: s,
    exact: Object.freeze({
      targetShareTimeUs,
      retargetIntervalUs,
      variance: reduce(variancePercent.num, variancePercent.den * 100n),
      maxStep,
    }),
  });
}
