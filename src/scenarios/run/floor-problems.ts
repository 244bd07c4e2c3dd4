import { gateMetrics } from '../gates/index.js';
import type { Scenario } from '../scenario.js';
import { underFloorText } from './run-notes.js';
import type { ScalePlan } from './scale-plan.js';

/** Metrics that are only honest when every selected miner can share at the vardiff target. */
const INTERVAL_METRICS: ReadonlySet<string> = new Set(['share_interval.median']);

/**
 * Gates a run could not measure honestly: a share-interval gate over a farm that stays below
 * the floor (scale-plan.ts) would judge vardiff on miners that cannot share at its target, or
 * on none at all. One sentence per gate and farm, naming the farm and its figures.
 */
export function floorProblems(scenario: Scenario, plan: ScalePlan): string[] {
  const below = new Map(
    plan.farms.filter((f) => f.state === 'under-floor').map((f) => [f.farm, f] as const),
  );
  if (below.size === 0) return [];
  const targetSec = plan.targetTimeMs / 1000;
  const problems: string[] = [];
  scenario.gates.forEach((gate, i) => {
    const named = new Set<string>();
    for (const metric of gateMetrics(gate)) {
      if (!INTERVAL_METRICS.has(metric.name)) continue;
      for (const farm of scenario.farms) {
        const selected =
          metric.selector === undefined ||
          metric.selector === farm.id ||
          metric.selector === farm.behaviourClass;
        const scale = below.get(farm.id);
        if (!selected || scale === undefined || named.has(farm.id)) continue;
        named.add(farm.id);
        problems.push(
          `gates[${i}] '${gate.source}': farm ${farm.id} cannot share every ${targetSec} s at protocol fidelity (${underFloorText(plan, scale)})`,
        );
      }
    }
  });
  return problems;
}
