import seedrandom from 'seedrandom';

/** A seeded source of randomness. Every run that takes one replays from its seed. */
export interface Rng {
  readonly seed: string;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Exponentially distributed with the given mean (inter-arrival times of a Poisson process). */
  exponential(mean: number): number;
  /** Normally distributed (Box-Muller). */
  normal(mean: number, stdDev: number): number;
  /** n uniformly random bytes. */
  bytes(n: number): Buffer;
  /** An independent stream derived from this seed and a label: same label, same stream. */
  fork(label: string): Rng;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: string | number): Rng {
  return new SeededRng(String(seed));
}

class SeededRng implements Rng {
  private readonly prng: seedrandom.PRNG;

  constructor(readonly seed: string) {
    this.prng = seedrandom.alea(seed);
  }

  next(): number {
    return this.prng();
  }

  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
    }
    return min + Math.floor(this.prng() * (max - min + 1));
  }

  exponential(mean: number): number {
    // 1 - u is in (0, 1], so the log is finite.
    return -Math.log(1 - this.prng()) * mean;
  }

  normal(mean: number, stdDev: number): number {
    const u1 = 1 - this.prng();
    const u2 = this.prng();
    return mean + stdDev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i += 4) {
      const word = this.prng.int32() >>> 0;
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  fork(label: string): Rng {
    return new SeededRng(`${this.seed}/${label}`);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }
}
