import { canonicalJson } from './canonical-json.js';
import { sharesByClass, type RunResult } from './run-result.js';

/** Bumped when a field changes meaning, so tools reading old summaries can tell. */
export const SUMMARY_VERSION = 1;

/**
 * summary.json: the run's result for machines. Deterministic for one seed: no wall-clock
 * field (those go to wall.json; canonicalJson drops the undefined) and canonical key order.
 */
export function summaryJson(result: RunResult): string {
  return canonicalJson({
    summaryVersion: SUMMARY_VERSION,
    ...result,
    wall: undefined,
    sharesByClass: sharesByClass(result.farms),
  });
}

/** wall.json: when and how long the run took in the real world; empty of meaning in replay. */
export function wallJson(result: RunResult): string | undefined {
  return result.wall === undefined ? undefined : canonicalJson({ runId: result.runId, ...result.wall });
}
