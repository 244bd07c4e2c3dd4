import {
  compareDifficulty,
  difficultyFrom,
  snapDifficulty,
} from '../../pool/core/difficulty/index.js';
import { reduce } from '../../pool/core/difficulty/rational.js';

/**
 * Virtual miners prove real work, so a protocol run cannot grind at an ASIC's nominal rate.
 * The runner shrinks the whole world by one factor, 10^-digits: every miner's hashrate, the
 * rest of the network's, and every difficulty the pool is configured with. Share intervals,
 * the pool's part of the network and the number of blocks stay as the scenario describes;
 * only the hashes behind them get fewer. The factor depends on the scenario alone, never on
 * the machine, so a seed replays byte for byte anywhere.
 */

/**
 * Real hashes a run's miners may grind in all, by algorithm: some five to ten seconds of one
 * busy core (scrypt(1024,1,1) is about 100 times dearer than sha256d here).
 */
const REAL_HASH_BUDGET: Readonly<Record<string, number>> = {
  sha256d: 1_000_000,
  scrypt: 20_000,
  blake3: 2_000_000,
  blake2s: 1_000_000,
};
const DEFAULT_BUDGET = 1_000_000;

/** Real hashes a run's miners may grind in all on `algorithm`. */
export function realHashBudget(algorithm: string): number {
  return REAL_HASH_BUDGET[algorithm] ?? DEFAULT_BUDGET;
}

export interface WorldScale {
  /** The world is shrunk by 10^-digits. */
  readonly digits: number;
  /** 10^-digits, for hashrates. */
  readonly factor: number;
}

/** The smallest shrink (fewest digits) that keeps the pool's nominal work within budget. */
export function chooseScale(
  algorithm: string,
  nominalHashesPerSec: number,
  durationMs: number,
): WorldScale {
  const budget = realHashBudget(algorithm);
  let hashes = (nominalHashesPerSec * durationMs) / 1000;
  let digits = 0;
  // Division by ten rounds the same on every IEEE machine, unlike Math.log10.
  while (hashes > budget) {
    hashes /= 10;
    digits++;
  }
  return { digits, factor: 1 / 10 ** digits };
}

/** A hashrate shrunk to the world's scale. */
export function scaleHashrate(hashesPerSec: number, scale: WorldScale): number {
  return hashesPerSec / 10 ** scale.digits;
}

/** A decimal difficulty ('0.001', '65536') shrunk by 10^-digits, exactly, as decimal text. */
export function scaleDecimal(text: string, digits: number): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`not a plain decimal: '${text}'`);
  const fraction = match[2] ?? '';
  const places = fraction.length + digits;
  const units = BigInt(`${match[1]}${fraction}`).toString();
  if (places === 0) return units;
  const padded = units.padStart(places + 1, '0');
  const whole = padded.slice(0, -places);
  const rest = padded.slice(-places).replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/**
 * The fewest hashes a share may stand for. Shrunk difficulties can fall below one hash, where
 * every hash is a share: the pool would then credit less work than was really done, and a
 * miner could not even make a share that misses its target. The pool's configured
 * difficulties are raised to this floor; a miner too small for it simply sends fewer shares.
 */
export const MIN_HASHES_PER_SHARE = 4n;

/** The difficulty worth MIN_HASHES_PER_SHARE hashes, rounded up to 3 digits, as decimal text. */
export function floorDifficulty(diff1Target: bigint): string {
  const d = snapDifficulty(reduce(MIN_HASHES_PER_SHARE * diff1Target, 1n << 256n), 3, 'ceil');
  return ratioText(d.num, d.den);
}

/** The larger of two decimal difficulties, as given. */
export function maxDecimal(a: string, b: string): string {
  return compareDifficulty(difficultyFrom(a), difficultyFrom(b)) >= 0 ? a : b;
}

/** num/den as plain decimal text; den must divide a power of ten (a terminating decimal). */
function ratioText(num: bigint, den: bigint): string {
  let places = 0;
  let scale = 1n;
  while (scale % den !== 0n) {
    scale *= 10n;
    places++;
    if (places > 1000) throw new RangeError(`${num}/${den} is not a terminating decimal`);
  }
  return scaleDecimal(String((num * scale) / den), places);
}
