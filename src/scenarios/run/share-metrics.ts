import type { MetricValue } from '../gates/index.js';
import { metricKey } from '../gates/index.js';
import type { ActualBlockPayout, ReferenceBlockPayout } from '../payouts/index.js';
import { isAccepted, type TruthRow } from './truth-shares.js';

/** A group of miners gates may select: every miner, a farm, or a behaviour class. */
export interface Selection {
  /** undefined: every miner (the metric's bare name). */
  readonly selector: string | undefined;
  readonly rows: readonly TruthRow[];
}

export interface ShareMetricInput {
  readonly rows: readonly TruthRow[];
  readonly selections: readonly Selection[];
  readonly actual: readonly ActualBlockPayout[];
  /** What a correct pool pays (payout-check.ts `fair`): payout_excess is measured against it. */
  readonly fair: readonly ReferenceBlockPayout[];
  readonly durationMs: number;
}

const ratio = (num: bigint, den: bigint): MetricValue => ({ num, den });

/**
 * The per-miner metrics of the gate catalogue, for each selection. Counts are shares sent
 * (withheld ones are not sent). `rejected` is read over the shares a correct pool must refuse
 * (a malicious behaviour's cheating shares, as its catalogue entry says) when the selection
 * sent any, otherwise over all it sent: a duplicate-share rig's originals are good work.
 * A ratio with nothing to divide is left unmeasured, so a gate on it fails rather than passes.
 */
export function shareMetrics(input: ShareMetricInput): Record<string, MetricValue> {
  const metrics: Record<string, MetricValue> = {};
  const totalWork = sumWork(input.rows.filter(isAccepted));
  const credits = creditsByAccount(input.actual);
  const fairCredits = new Map<string, bigint>();
  for (const block of input.fair) {
    for (const [account, sats] of block.credits)
      fairCredits.set(account, (fairCredits.get(account) ?? 0n) + sats);
  }
  const totalCredits = [...credits.values()].reduce((a, b) => a + b, 0n);
  for (const { selector, rows } of input.selections) {
    const put = (name: string, value: MetricValue | undefined): void => {
      if (value !== undefined) metrics[metricKey(name, selector)] = value;
    };
    const sent = rows.filter((r) => r.record.answer.kind !== 'withheld');
    const accepted = sent.filter(isAccepted);
    const refused = sent.length - accepted.length;
    const cheating = sent.filter((r) => r.mustRefuse);
    const judged = cheating.length > 0 ? cheating : sent;
    const judgedRefused = judged.filter((r) => !isAccepted(r)).length;
    put('shares.submitted', sent.length);
    put('shares.accepted', accepted.length);
    put('shares.rejected', refused);
    if (sent.length > 0) put('acceptance', ratio(BigInt(accepted.length), BigInt(sent.length)));
    if (judged.length > 0) put('rejected', ratio(BigInt(judgedRefused), BigInt(judged.length)));
    const work = sumWork(accepted);
    if (totalWork > 0n) put('work_share', ratio(work, totalWork));
    const accounts = new Set(rows.map((r) => r.account));
    let ours = 0n;
    let fair = 0n;
    for (const account of accounts) {
      ours += credits.get(account) ?? 0n;
      fair += fairCredits.get(account) ?? 0n;
    }
    if (totalCredits > 0n) put('payout_share', ratio(ours, totalCredits));
    put('payout_excess', ours - fair);
    put('hashrate.effective', ratio(hardwareWork(accepted) * 1000n, BigInt(input.durationMs)));
    put('share_interval.median', medianInterval(accepted));
  }
  return metrics;
}

function sumWork(rows: readonly TruthRow[]): bigint {
  return rows.reduce((sum, r) => sum + r.work, 0n);
}

/** Work in the scenario's own units: each share unshrunk by its miner's digits. */
function hardwareWork(rows: readonly TruthRow[]): bigint {
  return rows.reduce((sum, r) => sum + r.work * 10n ** BigInt(r.shrinkDigits), 0n);
}

function creditsByAccount(actual: readonly ActualBlockPayout[]): Map<string, bigint> {
  const credits = new Map<string, bigint>();
  for (const block of actual) {
    for (const c of block.credits)
      credits.set(c.account, (credits.get(c.account) ?? 0n) + c.amountSats);
  }
  return credits;
}

/** Median gap between a miner's consecutive accepted shares, over all miners' gaps, in ms. */
function medianInterval(accepted: readonly TruthRow[]): number | undefined {
  const last = new Map<string, number>();
  const gaps: number[] = [];
  for (const row of accepted) {
    const at = row.record.sentAtMs ?? row.record.dueAtMs;
    const before = last.get(row.minerKey);
    if (before !== undefined) gaps.push(at - before);
    last.set(row.minerKey, at);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const median = gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
  return Math.round(median);
}
