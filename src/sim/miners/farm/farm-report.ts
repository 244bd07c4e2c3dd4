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
  /** Honest shares found but not sent: a clean notify had voided their job. */
  readonly discarded: number;
  readonly withheld: number;
  readonly blockSolutions: number;
  readonly lines: number;
  /** accepted / answered (shares cut off by a closing connection are counted apart). */
  readonly acceptance: number | undefined;
  readonly latency: LatencySummary;
  readonly hashrate: { readonly nominal: number; readonly effective: number };
  readonly saturation: Saturation;
  readonly connections: Connections;
}

/** How the farm's connections went: attempts that failed, and who ended each session why. */
export interface Connections {
  readonly failedAttempts: number;
  /** The earliest failure's message (e.g. `connect ECONNREFUSED 127.0.0.1:3333`). */
  readonly firstError: string | undefined;
  /** Sessions the pool ended, by cause (ECONNRESET, end, handshake refused...). */
  readonly closedByPool: Readonly<Record<string, number>>;
  /** Sessions the farm ended, by cause (stop, disconnect: a behaviour's). */
  readonly closedByFarm: Readonly<Record<string, number>>;
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
  const closedByPool: Record<string, number> = {};
  const closedByFarm: Record<string, number> = {};
  const latency = new LatencyHistogram();
  for (const s of snapshots) {
    for (const [k, v] of Object.entries(s.rejected)) rejected[k] = (rejected[k] ?? 0) + v;
    for (const [k, v] of Object.entries(s.closed)) {
      const space = k.indexOf(' ');
      const into = k.slice(0, space) === 'pool' ? closedByPool : closedByFarm;
      const cause = k.slice(space + 1);
      into[cause] = (into[cause] ?? 0) + v;
    }
    latency.addEncoded(s.latency);
  }
  const firstError = snapshots
    .flatMap((s) => (s.firstConnectError === undefined ? [] : [s.firstConnectError]))
    .sort((a, b) => a.atMs - b.atMs)[0]?.message;
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
    discarded: sum((s) => s.discarded),
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
    connections: {
      failedAttempts: sum((s) => s.connectFailures),
      firstError,
      closedByPool,
      closedByFarm,
    },
  };
}
