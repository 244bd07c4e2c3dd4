import { workOfTarget } from '../../pool/core/difficulty/index.js';
import {
  selectWindow,
  splitPplns,
  windowWorkFor,
  type PplnsSplit,
  type WorkFactor,
} from '../../pool/core/payouts/index.js';
import type { Pool } from '../../pool/pool.js';
import type { AcceptedShare } from '../../pool/stratum/ports.js';

/** The pool's own PPLNS split of one block, from its books at the moment it found the block. */
export interface PoolBlockSplit {
  /** Proof-of-work hash of the block's header, display hex: how the runner names a block. */
  readonly powHash: string;
  readonly atMs: number;
  readonly rewardSats: bigint;
  readonly windowWork: bigint;
  readonly split: PplnsSplit;
}

/**
 * Watches the pool's share book and, the moment a block share is recorded, shares the block's
 * reward with the pool's own code (selectWindow + splitPplns over MemoryShareBook, newest
 * first), as a payout module would. Whether the block is paid is decided later, from the chain.
 *
 * The pool has no hook for this yet, so the book's `record` is wrapped; the wrapper only
 * reads after the book has recorded, and changes nothing the pool sees.
 */
export function watchPoolSplits(
  pool: Pool,
  payout: { readonly feeBps: number; readonly windowFactor: WorkFactor },
): ReadonlyMap<string, PoolBlockSplit> {
  const splits = new Map<string, PoolBlockSplit>();
  const book = pool.book;
  const record = book.record.bind(book);
  book.record = (share: AcceptedShare): void => {
    record(share);
    if (share.verdict !== 'block') return;
    const lookup = pool.jobs.lookup(share.jobId);
    if (lookup.kind === 'unknown') return;
    const template = lookup.job.template;
    const windowWork = windowWorkFor(workOfTarget(template.target), payout.windowFactor);
    const window = selectWindow(book.sharesNewestFirst(), windowWork);
    const powHash = share.hash.toString(16).padStart(64, '0');
    splits.set(powHash, {
      powHash,
      atMs: share.timeMs,
      rewardSats: template.coinbaseValueSats,
      windowWork,
      split: splitPplns(window, template.coinbaseValueSats, payout.feeBps),
    });
  };
  return splits;
}
