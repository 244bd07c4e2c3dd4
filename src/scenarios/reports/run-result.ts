import type { GateResult } from '../gates/evaluate-gates.js';
import type { BehaviourClass } from '../schema/catalogue.js';
import type { Fidelity } from '../schema/fidelity.js';

/**
 * Everything a finished run reports: what the runner hands to the writers. Amounts are
 * bigint in the coin's smallest unit; times are ms since the run started (scenario time);
 * nothing here reads a clock except `wall`, which only wall.json shows.
 */
export interface RunResult {
  readonly runId: string;
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly file: string;
  };
  readonly seed: number;
  readonly fidelity: Fidelity;
  /** Scenario time the run covered. */
  readonly durationMs: number;
  /** Every gate passed and the run finished. */
  readonly passed: boolean;
  /** Why the run stopped early, if it did. */
  readonly error?: string;
  readonly gates: readonly GateResult[];
  readonly farms: readonly FarmShares[];
  /** Submit round trips as miners measured them (protocol runs: virtual ms); absent if none. */
  readonly latencyMs?: LatencySummary;
  readonly blocks: {
    readonly found: number;
    readonly accepted: number;
    readonly orphaned: number;
  };
  readonly payouts: PayoutSummary;
  readonly series: readonly SeriesPoint[];
  readonly timeline: readonly TimelineEntry[];
  readonly wall?: WallFacts;
}

export interface FarmShares {
  readonly farm: string;
  readonly behaviour: string;
  readonly behaviourClass: BehaviourClass;
  readonly miners: number;
  readonly submitted: number;
  readonly accepted: number;
  /** Rejected shares by the pool's reason (REJECT_REASONS, or the runner's own words). */
  readonly rejected: Readonly<Record<string, number>>;
}

export interface LatencySummary {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Counts of round trips up to each bound, bounds ascending; the last may be Infinity. */
  readonly histogram: readonly { readonly upToMs: number; readonly count: number }[];
}

export interface PayoutSummary {
  readonly blocksPaid: number;
  readonly totalSats: bigint;
  readonly feeSats: bigint;
  /** Largest difference of any credit from the reference model (payout_error). */
  readonly largestErrorSats: bigint;
  /** Per account totals, expected by the reference model and credited by the pool. */
  readonly miners: readonly {
    readonly account: string;
    readonly expectedSats: bigint;
    readonly actualSats: bigint;
  }[];
}

/** One sample of the run's figures over time. */
export interface SeriesPoint {
  readonly atMs: number;
  /** The pool's effective hashrate over the interval ending here, in H/s. */
  readonly hashrate: number;
  /** Accepted / submitted over the interval; null when nothing was submitted. */
  readonly acceptance: number | null;
}

export interface TimelineEntry {
  readonly atMs: number;
  /** 'reorg', 'block-found', 'switch-network', ... */
  readonly kind: string;
  readonly detail: string;
}

/** Facts about the real world around a run: they differ between runs of one seed. */
export interface WallFacts {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly elapsedMs: number;
  readonly host?: string;
}

/** Share counts summed over farms of one behaviour class. */
export interface ClassShares {
  readonly behaviourClass: BehaviourClass;
  readonly submitted: number;
  readonly accepted: number;
  readonly rejected: number;
}

export function rejectedTotal(farm: FarmShares): number {
  return Object.values(farm.rejected).reduce((sum, n) => sum + n, 0);
}

export function sharesByClass(farms: readonly FarmShares[]): ClassShares[] {
  const byClass = new Map<BehaviourClass, { submitted: number; accepted: number; rejected: number }>();
  for (const farm of farms) {
    const sums = byClass.get(farm.behaviourClass) ?? { submitted: 0, accepted: 0, rejected: 0 };
    sums.submitted += farm.submitted;
    sums.accepted += farm.accepted;
    sums.rejected += rejectedTotal(farm);
    byClass.set(farm.behaviourClass, sums);
  }
  return [...byClass]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([behaviourClass, sums]) => ({ behaviourClass, ...sums }));
}
