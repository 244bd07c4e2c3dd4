import { bitsToTarget, workOfTarget } from '../../pool/core/difficulty/index.js';
import type { WorkFactor } from '../../pool/core/payouts/index.js';
import {
  compareWithReference,
  referencePayouts,
  referenceWindowWork,
  type ActualBlockPayout,
  type PayoutComparison,
  type ReferenceBlockPayout,
  type TruthBlock,
} from '../payouts/index.js';
import type { PoolBlockSplit } from './pool-splits.js';
import { isAccepted, type TruthRow } from './truth-shares.js';
import type { RunNetwork } from './world.js';

/** A pool block on the main chain at the end of the run: one that is paid. */
export interface KeptBlock {
  readonly hash: string;
  readonly powHash: string;
  readonly height: number;
  readonly rewardSats: bigint;
  readonly bits: number;
}

export interface PayoutCheck {
  readonly kept: readonly KeptBlock[];
  readonly expected: readonly ReferenceBlockPayout[];
  /**
   * What a correct pool pays: the reference model over the accepted shares a correct pool
   * must also accept (those sent to cheat in a way it must refuse are left out).
   */
  readonly fair: readonly ReferenceBlockPayout[];
  readonly actual: readonly ActualBlockPayout[];
  readonly comparison: PayoutComparison;
}

/** The pool's blocks the chain kept, lowest first, read from the chain itself. */
export function keptPoolBlocks(network: RunNetwork): KeptBlock[] {
  const { sim, pow } = network;
  const kept: KeptBlock[] = [];
  for (let height = 1; height <= sim.tip.height; height++) {
    const block = sim.blockAt(height);
    if (block === undefined || block.source !== 'pool') continue;
    const powHash = Buffer.from(pow.hashHeader(block.raw.subarray(0, 80)))
      .reverse()
      .toString('hex');
    const rewardSats = block.coinbase.outputs.reduce((sum, out) => sum + out.valueSats, 0n);
    kept.push({ hash: block.hashHex, powHash, height, rewardSats, bits: block.header.bits });
  }
  return kept;
}

/**
 * Every kept block paid twice: by the reference model from the miners' ground truth and the
 * chain (the expected credits), and by the pool's own split of its books (the actual ones).
 * A kept block the pool did not split counts as unpaid; orphans are paid by neither.
 */
export function checkPayouts(input: {
  readonly network: RunNetwork;
  readonly rows: readonly TruthRow[];
  readonly poolSplits: ReadonlyMap<string, PoolBlockSplit>;
  readonly feeBps: number;
  readonly windowFactor: WorkFactor;
}): PayoutCheck {
  const kept = keptPoolBlocks(input.network);
  const accepted = input.rows.filter(isAccepted);
  const terms = { accepted, kept, feeBps: input.feeBps, windowFactor: input.windowFactor };
  const expected = referenceOver(terms, () => true);
  const fair = referenceOver(terms, (row) => !row.mustRefuse);
  const actual: ActualBlockPayout[] = kept.flatMap((block) => {
    const split = input.poolSplits.get(block.powHash);
    return split === undefined ? [] : [{ blockId: block.hash, ...split.split }];
  });
  return { kept, expected, fair, actual, comparison: compareWithReference(expected, actual) };
}

/**
 * The reference model's credits for the kept blocks over the accepted shares `counts` keeps,
 * each block's window ending at its own share among them (or at the last kept share before it).
 */
export function referenceOver(
  terms: {
    readonly accepted: readonly TruthRow[];
    readonly kept: readonly KeptBlock[];
    readonly feeBps: number;
    readonly windowFactor: WorkFactor;
  },
  counts: (row: TruthRow) => boolean,
): ReferenceBlockPayout[] {
  const shares: TruthRow[] = [];
  const position = new Map<string, number>();
  for (const row of terms.accepted) {
    if (counts(row)) shares.push(row);
    position.set(row.record.hash, shares.length);
  }
  return referencePayouts({
    shares: shares.map((row) => ({ account: row.account, work: row.work })),
    blocks: terms.kept.map((block) => truthBlock(block, position, terms.windowFactor)),
    feeBps: terms.feeBps,
  });
}

/** A kept block as the reference model reads it: its share's place among the counted ones. */
function truthBlock(
  block: KeptBlock,
  position: ReadonlyMap<string, number>,
  windowFactor: WorkFactor,
): TruthBlock {
  return {
    blockId: block.hash,
    rewardSats: block.rewardSats,
    sharesBefore: position.get(block.powHash) ?? 0,
    windowWork: referenceWindowWork(workOfTarget(bitsToTarget(block.bits)), windowFactor),
  };
}
