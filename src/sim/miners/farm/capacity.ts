import type { HeaderHasher } from '../work/grind.js';
import { hashesPerShare } from '../work/targets.js';

/**
 * What real proof of work costs a farm, and what this machine can carry. Real grinding does
 * one hash per nominal hash (a share at difficulty d costs d x 2^256/diff1 hashes on average
 * and comes every d x 2^256/diff1 / hashrate seconds), so a farm is unsaturated only while
 * its total nominal hashrate, after its hashrate scale, stays below what its threads grind.
 * The share difficulty sets how many shares that work is cut into: the pool's vardiff picks
 * it from the share interval it aims at.
 */
export interface CapacityInput {
  readonly diff1Target: bigint;
  readonly miners: number;
  /** One unit's nominal hashrate before scaling, H/s. */
  readonly hashratePerMiner: number;
  readonly hashrateScale: number;
  readonly threads: number;
  /** Measured on this machine (measureHashRate). */
  readonly hashesPerSecPerThread: number;
  /** What the pool aims at per miner (our vardiff: 10 s). */
  readonly shareIntervalSec: number;
}

export interface CapacityPlan {
  readonly demandHashesPerSec: number;
  readonly capacityHashesPerSec: number;
  readonly load: number;
  readonly saturated: boolean;
  /** The share difficulty at which each miner sends one share per interval. */
  readonly shareDifficulty: number;
  readonly hashesPerShare: number;
  /** The largest hashrate scale at which this machine keeps up with the farm. */
  readonly maxHashrateScale: number;
}

export function planCapacity(input: CapacityInput): CapacityPlan {
  const perMiner = input.hashratePerMiner * input.hashrateScale;
  const demand = perMiner * input.miners;
  const capacity = input.hashesPerSecPerThread * input.threads;
  const perShareAtDiff1 = hashesPerShare(input.diff1Target, 1);
  const shareDifficulty = (perMiner * input.shareIntervalSec) / perShareAtDiff1;
  return {
    demandHashesPerSec: demand,
    capacityHashesPerSec: capacity,
    load: demand / capacity,
    saturated: demand > capacity,
    shareDifficulty,
    hashesPerShare: perShareAtDiff1 * shareDifficulty,
    maxHashrateScale: capacity / (input.hashratePerMiner * input.miners),
  };
}

/** Hashes a second one thread grinds, over about `forMs` of `clock` (monotonic ms). */
export function measureHashRate(hash: HeaderHasher, clock: () => number, forMs = 300): number {
  const header = Buffer.alloc(80, 0x5a);
  const start = clock();
  let n = 0;
  let elapsed = 0;
  while (elapsed < forMs) {
    for (let i = 0; i < 64; i++) {
      header.writeUInt32LE(n++, 76);
      hash(header);
    }
    elapsed = clock() - start;
  }
  return (n * 1000) / elapsed;
}
