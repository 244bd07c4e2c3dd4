import { parseGate } from '../../scenarios/gates/index.js';
import type { FarmProgress, GateProgress, RunProgress } from '../../scenarios/run/progress.js';
import { formatCount, formatSats, isZeroSats } from './format.js';

/** Figures derived from a RunProgress that both the dashboard and the plain lines show. */

export type BehaviourClass = FarmProgress['behaviourClass'];

const CLASS_ORDER: readonly BehaviourClass[] = ['honest', 'strategic', 'malicious'];

export interface ClassAcceptance {
  readonly behaviourClass: BehaviourClass;
  readonly submitted: number;
  readonly accepted: number;
  /** accepted / submitted; NaN before the first submit. */
  readonly acceptance: number;
}

/** Acceptance summed over the farms of each class present, honest first. */
export function acceptanceByClass(farms: readonly FarmProgress[]): ClassAcceptance[] {
  return CLASS_ORDER.flatMap((behaviourClass) => {
    const members = farms.filter((farm) => farm.behaviourClass === behaviourClass);
    if (members.length === 0) return [];
    const submitted = members.reduce((sum, farm) => sum + farm.submitted, 0);
    const accepted = members.reduce((sum, farm) => sum + farm.accepted, 0);
    const acceptance = submitted === 0 ? Number.NaN : accepted / submitted;
    return [{ behaviourClass, submitted, accepted, acceptance }];
  });
}

export interface GateCounts {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

export function gateCounts(gates: readonly GateProgress[]): GateCounts {
  const count = (status: GateProgress['status']) => gates.filter((g) => g.status === status).length;
  return { passed: count('passed'), failed: count('failed'), pending: count('pending') };
}

/** The run's state in one word: still going, or done with every gate passed, or not. */
export function runVerdict(progress: RunProgress): 'running' | 'passed' | 'failed' {
  if (progress.phase !== 'done') return 'running';
  const counts = gateCounts(progress.gates);
  // A gate still pending when the run is done was never judged: that is not a pass.
  return counts.failed === 0 && counts.pending === 0 ? 'passed' : 'failed';
}

/**
 * A gate's text cut at its comparison: `acceptance(honest) >= 0.98` -> metric
 * 'acceptance(honest)', threshold '>= 0.98'. A gate that does not parse stays whole.
 */
export function splitGate(expression: string): { metric: string; threshold: string } {
  const parsed = parseGate(expression);
  if (!parsed.ok) return { metric: expression.trim(), threshold: '' };
  const { left, right, comparison } = parsed.gate;
  const slice = (from: number, to: number) => expression.slice(from, to).trim();
  return {
    metric: slice(left.start, left.end),
    threshold: `${comparison} ${slice(right.start, right.end)}`,
  };
}

export function rejectedCount(farm: FarmProgress): number {
  return Object.values(farm.rejected).reduce((sum, n) => sum + n, 0);
}

/** 'duplicate 690, low-difficulty 10': reasons with a count, most first, ties by name. */
export function rejectedBreakdown(rejected: Readonly<Record<string, number>>): string {
  return Object.entries(rejected)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => `${reason} ${formatCount(count)}`)
    .join(', ');
}

export interface BlockTotals {
  readonly found: number;
  readonly accepted: number;
  readonly orphaned: number;
}

export function blockTotals(progress: RunProgress): BlockTotals {
  const sum = (pick: (n: RunProgress['networks'][number]) => number) =>
    progress.networks.reduce((total, network) => total + pick(network), 0);
  return {
    found: sum((n) => n.blocksFound),
    accepted: sum((n) => n.blocksAccepted),
    orphaned: sum((n) => n.blocksOrphaned),
  };
}

/** How far through its scenario time the run is, 0..1. */
export function simulatedFraction(progress: RunProgress): number {
  const { simulatedMs, durationMs } = progress.clock;
  if (!(durationMs > 0) || !Number.isFinite(simulatedMs)) return 0;
  return Math.min(1, Math.max(0, simulatedMs / durationMs));
}

/** 'payouts verified: 12 blocks, largest error 0 sats' and its unverified variants. */
export function payoutsText(progress: RunProgress): string {
  const { blocksPaid, largestErrorSats, verified } = progress.payouts;
  const state =
    verified === true ? 'verified' : verified === false ? 'NOT verified' : 'not yet verified';
  const blocks = `${formatCount(blocksPaid)} block${blocksPaid === 1 ? '' : 's'}`;
  return `payouts ${state}: ${blocks}, largest error ${formatSats(largestErrorSats)}`;
}

/** Green when verified with no error, red on any error or a failed check, grey until known. */
export function payoutsTone(progress: RunProgress): 'ok' | 'bad' | 'pending' {
  const { verified, largestErrorSats } = progress.payouts;
  if (verified === false || !isZeroSats(largestErrorSats)) return 'bad';
  return verified === true ? 'ok' : 'pending';
}
