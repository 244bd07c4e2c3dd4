import { judgeBehaviour } from '../../sim/miners/index.js';
import type { TimelineEntry } from '../reports/index.js';
import type { Scenario } from '../scenario.js';
import { minerBehaviour, minerProfile } from './catalogue-map.js';
import type { FarmSlots } from './farm-slots.js';
import { MIN_HASHES_PER_SHARE, type WorldScale } from './scale.js';

/**
 * What the report should say about the shrink at the start: by how much, and which farms are
 * too small to make a share of MIN_HASHES_PER_SHARE hashes at the vardiff target (they send
 * fewer shares than the scenario's hardware would).
 */
export function scaleNotes(
  scenario: Scenario,
  scale: WorldScale,
  algorithm: string,
): TimelineEntry[] {
  const notes: TimelineEntry[] = [
    {
      atMs: 0,
      kind: 'scale',
      detail: `hashrates and difficulties shrunk by 1e-${scale.digits} so that every share is real proof of work`,
    },
  ];
  const targetSec = scenario.pool.vardiff.targetTimeMs / 1000;
  for (const farm of scenario.farms) {
    const slowest = Math.min(
      ...farm.profiles.map((p) => minerProfile(p.profile)?.hashrate[algorithm]?.hashesPerSec ?? 0),
    );
    const hashesPerShare = slowest * scale.factor * targetSec;
    if (hashesPerShare >= Number(MIN_HASHES_PER_SHARE)) continue;
    notes.push({
      atMs: 0,
      kind: 'scale',
      detail: `${farm.id}: ~${hashesPerShare.toPrecision(2)} hashes per ${targetSec} s at this scale, below the ${MIN_HASHES_PER_SHARE}-hash floor: it shares less often than its hardware would`,
    });
  }
  return notes;
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
