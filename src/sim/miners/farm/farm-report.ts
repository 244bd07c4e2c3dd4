import type { LatencySummary } from './latency-histogram.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { MetricsSnapshot } from './farm-metrics.js';

export type Fidelity = 'wire' | 'protocol';

export interface Saturation {
  /** Real hashes a second the nominal rates ask for (one per nominal hash). */
  readonly demandHashesPerSec: number;
  /** Real hashes a second the grinding threads did while grinding; undefined before any. */
  readonly capacityHashesPerSec: number | undefined;
  /**
   * demand / capacity: above 1 a wall-clock farm cannot keep up. In virtual time it is the
   * wall seconds each scenario second costs in grinding.
   */
  readonly load: number | undefined;
  readonly abandonedShares: number;
  readonly lateShares: number;
  readonly maxLagMs: number;
  readonly saturated: boolean;
}

/** A farm's figures, merged over its threads. */
export interface FarmReport {
  readonly farmId: string;
  readonly fidelity: Fidelity;
  readonly elapsedMs: number;
  readonly miners: number;
  readonly connected: number;
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: Readonly<Record<string, number>>;
  readonly unanswered: number;
  readonly withheld: number;
  readonly blockSolutions: number;
  readonly lines: number;
  /** accepted / answered (shares cut off by a closing connection are counted apart). */
  readonly acceptance: number | undefined;
  readonly latency: LatencySummary;
  readonly hashrate: { readonly nominal: number; readonly effective: number };
  readonly saturation: Saturation;
}

/**
 * Merges thread snapshots into a report. A farm is saturated when it gave up shares (too
 * costly to grind), or, on the wall clock, when its demand exceeds what its threads can
 * grind or its shares leave late: it then says so rather than under-deliver in silence.
 */
export function farmReport(
  farmId: string,
  fidelity: Fidelity,
  elapsedMs: number,
  snapshots: readonly MetricsSnapshot[],
): FarmReport {
  const sum = (pick: (s: MetricsSnapshot) => number): number =>
    snapshots.reduce((n, s) => n + pick(s), 0);
  const rejected: Record<string, number> = {};
  const latency = new LatencyHistogram();
  for (const s of snapshots) {
    for (const [k, v] of Object.entries(s.rejected)) rejected[k] = (rejected[k] ?? 0) + v;
    latency.addEncoded(s.latency);
  }
  const demand = sum((s) => s.nominalHashesPerSec);
  const timed = snapshots.filter((s) => s.grindMs > 0);
  const capacity =
    timed.length === 0
      ? undefined
      : timed.reduce((n, s) => n + (s.realHashes * 1000) / s.grindMs, 0);
  const load = capacity === undefined ? undefined : demand / capacity;
  const abandoned = sum((s) => s.abandoned);
  const lateShares = sum((s) => s.lateShares);
  const maxLagMs = Math.max(0, ...snapshots.map((s) => s.maxLagMs));
  const submitted = sum((s) => s.submitted);
  const accepted = sum((s) => s.accepted);
  const unanswered = sum((s) => s.unanswered);
  const answered = submitted - unanswered;
  const saturated =
    abandoned > 0 || (fidelity === 'wire' && ((load ?? 0) > 1 || lateShares > 0.01 * submitted));
  return {
    farmId,
    fidelity,
    elapsedMs,
    miners: sum((s) => s.miners),
    connected: sum((s) => s.connected),
    submitted,
    accepted,
    rejected,
    unanswered,
    withheld: sum((s) => s.withheld),
    blockSolutions: sum((s) => s.blockSolutions),
    lines: sum((s) => s.lines),
    acceptance: answered === 0 ? undefined : accepted / answered,
    latency: latency.summary(),
    hashrate: {
      nominal: demand,
      effective: elapsedMs > 0 ? (sum((s) => s.acceptedWork) * 1000) / elapsedMs : 0,
    },
    saturation: {
      demandHashesPerSec: demand,
      capacityHashesPerSec: capacity,
      load,
      abandonedShares: abandoned,
      lateShares,
      maxLagMs,
      saturated,
    },
  };
}
