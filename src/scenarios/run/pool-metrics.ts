import type { MemoryShareBook } from '../../pool/shares/memory-share-book.js';
import type { FoundBlock } from '../../pool/shares/block-submitter.js';
import type { MetricValue } from '../gates/index.js';
import { networkWorkAt, type ChainRecord } from './chain-watch.js';
import type { PayoutCheck } from './payout-check.js';
import { isAccepted, type TruthRow } from './truth-shares.js';

export interface BlockCounts {
  /** Shares the pool accepted that met the network target (ground truth). */
  readonly found: number;
  /** Pool blocks that became the tip when they reached the chain. */
  readonly accepted: number;
  /** Of those, the ones no longer on the main chain at the end. */
  readonly orphaned: number;
  /** Found, but never answered by a node: not submitted, or the node was unreachable. */
  readonly lost: number;
}

/**
 * Block figures from ground truth, the pool's submissions and the chain. A candidate is
 * matched to the pool's submission by who found it and when (the pool's judging instant is
 * the miner's sending instant on the virtual clock), never by job id: after a difficulty
 * change the pool re-sends a job to a session under an alias, so the miner names the alias
 * while the pool's FoundBlock names its own job.
 */
export function blockCounts(
  rows: readonly TruthRow[],
  submitted: readonly FoundBlock[],
  chain: ChainRecord,
  keptHashes: ReadonlySet<string>,
): BlockCounts {
  const candidates = rows.filter((r) => isAccepted(r) && r.record.meetsNetworkTarget);
  const answered = new Map<string, number>();
  for (const b of submitted) {
    if (b.result.kind === 'error') continue;
    const key = candidateKey(b.worker, b.foundAtMs);
    answered.set(key, (answered.get(key) ?? 0) + 1);
  }
  let lost = 0;
  for (const r of candidates) {
    const key = candidateKey(r.record.minerId, r.record.sentAtMs ?? -1);
    const left = answered.get(key) ?? 0;
    if (left > 0) answered.set(key, left - 1);
    else lost++;
  }
  return {
    found: candidates.length,
    accepted: chain.acceptedPoolBlocks.length,
    orphaned: chain.acceptedPoolBlocks.filter((h) => !keptHashes.has(h)).length,
    lost,
  };
}

function candidateKey(worker: string, atMs: number): string {
  return `${worker}|${atMs}`;
}

/** Blocks the accepted work should have found on average: each hash wins with 1 / work. */
export function expectedBlocks(rows: readonly TruthRow[], chain: ChainRecord): number {
  let expected = 0;
  for (const row of rows) {
    if (!isAccepted(row)) continue;
    const at = row.record.sentAtMs ?? row.record.dueAtMs;
    expected += Number(row.work) / Number(networkWorkAt(chain, at));
  }
  return expected;
}

/**
 * Accepted shares (by the miners' account of the pool's answers) that the pool's book does not
 * hold, counted per account. How much each is credited is payout_error's business.
 */
export function lostShares(rows: readonly TruthRow[], book: MemoryShareBook): number {
  const held = new Map<string, number>();
  for (const share of book.sharesNewestFirst()) {
    held.set(share.account, (held.get(share.account) ?? 0) + 1);
  }
  const told = new Map<string, number>();
  for (const row of rows) {
    if (isAccepted(row)) told.set(row.account, (told.get(row.account) ?? 0) + 1);
  }
  let lost = 0;
  for (const [account, n] of told) lost += Math.max(0, n - (held.get(account) ?? 0));
  return lost;
}

/** The pool-wide metrics of the gate catalogue. */
export function poolMetrics(input: {
  readonly blocks: BlockCounts;
  readonly expectedBlocks: number;
  readonly payouts: PayoutCheck;
  readonly lostShares: number;
  readonly saturatedFarms: number;
}): Record<string, MetricValue> {
  const { blocks, payouts } = input;
  const comparison = payouts.comparison;
  const totalSats = payouts.actual.reduce(
    (sum, b) => sum + b.feeSats + b.credits.reduce((s, c) => s + c.amountSats, 0n),
    0n,
  );
  return {
    'blocks.found': blocks.found,
    'blocks.accepted': blocks.accepted,
    'blocks.orphaned': blocks.orphaned,
    'blocks.lost': blocks.lost,
    expected_blocks: input.expectedBlocks,
    payout_error: comparison.kind === 'equal' ? 0n : comparison.largestErrorSats,
    'payouts.blocks_paid': payouts.actual.length,
    'payouts.total': totalSats,
    lost_shares: input.lostShares,
    saturated_farms: input.saturatedFarms,
  };
}
