import type { Scenario } from '../scenario.js';
import { minerProfile } from './catalogue-map.js';
import { chooseScale, MIN_HASHES_PER_SHARE, realHashBudget, type WorldScale } from './scale.js';

/**
 * The world's shrink (chooseScale) leaves small hardware next to ASICs far below the floor of
 * MIN_HASHES_PER_SHARE hashes a share: a CPU beside a farm of ASICs would make a share a
 * month, and its behaviour would never reach the pool. Such a farm is spared part of the
 * shrink (boosted by whole powers of ten) until each of its profiles makes the floor's worth
 * of hashes per vardiff target interval, so it talks to the pool as often as its hardware
 * would. Its work then stands for more than its hardware: the report says by how much. Boosts
 * are granted in the scenario's farm order while their extra real hashes fit in the
 * algorithm's budget once more; a farm that does not fit stays below the floor and says so.
 * Like the shrink, the plan depends on the scenario alone.
 */

/** What the plan reads of a scenario: its pool's algorithm, duration, vardiff and farms. */
export interface ScaleInput {
  readonly algorithm: string;
  readonly durationMs: number;
  readonly targetTimeMs: number;
  readonly farms: readonly {
    readonly id: string;
    readonly count: number;
    readonly profiles: readonly { readonly profile: string; readonly shareBps: number }[];
  }[];
}

/** One hardware profile of one farm at the world's scale. */
export interface ProfileScale {
  /** The scenario's profile id. */
  readonly profile: string;
  /** Nominal hashrate of the profile on the pool's algorithm, H/s. */
  readonly hashesPerSec: number;
  /** Miners of the farm with this profile (a mix shares them out: may be fractional here). */
  readonly miners: number;
  /** Powers of ten this profile is spared of the world's shrink; 0 unless its farm is boosted. */
  readonly boostDigits: number;
  /** Hashes its nominal rate makes per vardiff target interval, at its own shrink. */
  readonly hashesPerTarget: number;
}

/** `native`: at or above the floor as shrunk; `boosted`: lifted to it; `under-floor`: neither. */
export type FarmScaleState = 'native' | 'boosted' | 'under-floor';

export interface FarmScale {
  readonly farm: string;
  readonly state: FarmScaleState;
  readonly profiles: readonly ProfileScale[];
  /** Real hashes a boost to the floor adds (or would add) over the run; 0 when native. */
  readonly boostHashes: number;
}

export interface ScalePlan {
  readonly scale: WorldScale;
  readonly algorithm: string;
  /** Real hashes the shrink allows over the run; boosts may add as many again. */
  readonly budget: number;
  readonly targetTimeMs: number;
  readonly farms: readonly FarmScale[];
  /** Real (shrunk, boosted) hashrate of every farm together, H/s: the pool's part of the chain. */
  readonly poolRealHashrate: number;
}

/** The shrink, then a boost to the floor for each farm below it that the budget allows. */
export function planScale(input: ScaleInput): ScalePlan {
  const rateOf = (profile: string): number =>
    minerProfile(profile)?.hashrate[input.algorithm]?.hashesPerSec ?? 0;
  const nominal = input.farms.reduce(
    (sum, farm) =>
      sum +
      farm.profiles.reduce((s, p) => s + (rateOf(p.profile) * farm.count * p.shareBps) / 10_000, 0),
    0,
  );
  const scale = chooseScale(input.algorithm, nominal, input.durationMs);
  const budget = realHashBudget(input.algorithm);
  const targetSec = input.targetTimeMs / 1000;
  const runSec = input.durationMs / 1000;
  let allowance = budget;
  let poolRealHashrate = 0;
  const farms = input.farms.map((farm): FarmScale => {
    const wanted = farm.profiles.map((p) => {
      const hashesPerSec = rateOf(p.profile);
      const miners = (farm.count * p.shareBps) / 10_000;
      const boostDigits = digitsToFloor(hashesPerSec * targetSec, scale.digits);
      return { profile: p.profile, hashesPerSec, miners, boostDigits };
    });
    const runHashes = (boosted: boolean): number =>
      wanted.reduce(
        (sum, p) => sum + realRate(p, boosted ? p.boostDigits : 0, scale) * p.miners * runSec,
        0,
      );
    const boostHashes = runHashes(true) - runHashes(false);
    const reachable = wanted.every(
      (p) => realRate(p, p.boostDigits, scale) * targetSec >= Number(MIN_HASHES_PER_SHARE),
    );
    const needed = wanted.some((p) => p.boostDigits > 0) || !reachable;
    const state: FarmScaleState = !needed
      ? 'native'
      : reachable && boostHashes <= allowance
        ? 'boosted'
        : 'under-floor';
    if (state === 'boosted') allowance -= boostHashes;
    const profiles = wanted.map((p): ProfileScale => {
      const boostDigits = state === 'boosted' ? p.boostDigits : 0;
      const rate = realRate(p, boostDigits, scale);
      poolRealHashrate += rate * p.miners;
      return { ...p, boostDigits, hashesPerTarget: rate * targetSec };
    });
    return { farm: farm.id, state, profiles, boostHashes: needed ? boostHashes : 0 };
  });
  return {
    scale,
    algorithm: input.algorithm,
    budget,
    targetTimeMs: input.targetTimeMs,
    farms,
    poolRealHashrate,
  };
}

/** A scenario's plan, its pool mining `algorithm`. */
export function planScenarioScale(scenario: Scenario, algorithm: string): ScalePlan {
  return planScale({
    algorithm,
    durationMs: scenario.durationMs,
    targetTimeMs: scenario.pool.vardiff.targetTimeMs,
    farms: scenario.farms,
  });
}

/** The hashrate scale a miner of this farm and profile runs at: 10^-(digits - boost). */
export function profileScaleDigits(plan: ScalePlan, farm: string, profile: string): number {
  const found = plan.farms
    .find((f) => f.farm === farm)
    ?.profiles.find((p) => p.profile === profile);
  return plan.scale.digits - (found?.boostDigits ?? 0);
}

function realRate(
  p: { readonly hashesPerSec: number },
  boostDigits: number,
  scale: WorldScale,
): number {
  return p.hashesPerSec / 10 ** (scale.digits - boostDigits);
}

/**
 * Fewest powers of ten (at most the shrink's own digits) by which `hashesPerTarget`, shrunk
 * by 10^-digits, reaches the floor. Division by powers of ten, exact on every IEEE machine.
 */
function digitsToFloor(hashesPerTarget: number, digits: number): number {
  let boost = 0;
  while (boost < digits && hashesPerTarget / 10 ** (digits - boost) < Number(MIN_HASHES_PER_SHARE))
    boost++;
  return boost;
}
