import { judgeBehaviour } from '../../sim/miners/index.js';
import type { TimelineEntry } from '../reports/index.js';
import { minerBehaviour } from './catalogue-map.js';
import type { FarmSlots } from './farm-slots.js';
import { MIN_HASHES_PER_SHARE } from './scale.js';
import type { FarmScale, ScalePlan } from './scale-plan.js';

/**
 * What the report should say about the shrink at the start: by how much, which farms were
 * spared part of it to reach the floor of MIN_HASHES_PER_SHARE hashes per vardiff target
 * interval (their work stands for more than their hardware), and which stay below it (they
 * send fewer shares than their hardware would).
 */
export function scaleNotes(plan: ScalePlan): TimelineEntry[] {
  const notes: TimelineEntry[] = [
    {
      atMs: 0,
      kind: 'scale',
      detail: `hashrates and difficulties shrunk by 1e-${plan.scale.digits} so that every share is real proof of work`,
    },
  ];
  const targetSec = plan.targetTimeMs / 1000;
  const floor = `${MIN_HASHES_PER_SHARE}-hash floor`;
  for (const farm of plan.farms) {
    if (farm.state === 'boosted') {
      const boosts = farm.profiles
        .filter((p) => p.boostDigits > 0)
        .map((p) => `${p.profile} x1e${p.boostDigits}`)
        .join(', ');
      notes.push({
        atMs: 0,
        kind: 'scale',
        detail: `${farm.farm}: below the ${floor} at this scale, so spared part of the shrink (${boosts}): it shares about every ${targetSec} s as its hardware would, and its work, credits and blocks stand for that many times its hardware`,
      });
    } else if (farm.state === 'under-floor') {
      notes.push({
        atMs: 0,
        kind: 'scale',
        detail: `${farm.farm}: ${underFloorText(plan, farm)}: it shares less often than its hardware would`,
      });
    }
  }
  return notes;
}

/** Why a farm stays below the floor, with the figures. */
export function underFloorText(plan: ScalePlan, farm: FarmScale): string {
  const slowest = Math.min(...farm.profiles.map((p) => p.hashesPerTarget));
  const lift = `; reaching it would take ~${farm.boostHashes.toPrecision(2)} more real ${plan.algorithm} hashes, more than the run's budget (${plan.budget}, shared with earlier farms' boosts) allows`;
  return `~${slowest.toPrecision(2)} hashes per ${plan.targetTimeMs / 1000} s at this scale, below the ${MIN_HASHES_PER_SHARE}-hash floor${lift}`;
}

/** Each non-honest farm judged against the response its behaviour says a correct pool gives. */
export function behaviourVerdicts(farms: readonly FarmSlots[], atMs: number): TimelineEntry[] {
  return farms.flatMap((slots) => {
    const behaviour = minerBehaviour(slots.spec.behaviour);
    if (behaviour === undefined || behaviour.class === 'honest') return [];
    const verdict = judgeBehaviour(behaviour.expected, slots.truths());
    const detail = verdict.ok
      ? `${slots.spec.id} (${slots.spec.behaviour}): the pool responded as it must (${verdict.evidence} records)`
      : `${slots.spec.id} (${slots.spec.behaviour}): not the expected response (${verdict.evidence} records): ${verdict.problems.slice(0, 3).join('; ')}`;
    return [{ atMs, kind: 'behaviour-verdict', detail }];
  });
}
