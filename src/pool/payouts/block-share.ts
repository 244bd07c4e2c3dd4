import { bigintOrNull, numberOf, numberOrNull, onlyRow } from '../store/sql/rows.js';
import type { SqlClient } from '../store/sql/sql-client.js';
import type { NewBlock } from '../store/books/block-repository.js';

/** Where a block's round ends in the share log. */
export interface BlockShareSearch {
  /**
   * The block's own share: verdict 'block', the finder's address and worker, time_ms equal to
   * the block's foundMs (the session stamps both with one clock reading), and not already the
   * end of another block's round. The oldest such share when there are several.
   */
  readonly blockShareId: bigint | undefined;
  /** The newest share stamped at or before the block: the round's end if its share never came. */
  readonly newestAtOrBeforeId: bigint | undefined;
}

export interface BlockShareOptions {
  /** Shares per page of the walk; each page is one short transaction. Default 5000. */
  readonly pageSize?: number;
  /**
   * How far share times may run out of id order (several pool processes, one database): the
   * walk stops at a page holding a share this much older than the block. Default 60 s.
   */
  readonly slackMs?: number;
}

// One page of the network's shares newest first on the (network, id DESC) index, summed to a
// single row: only what the search needs crosses the wire, however big the page.
const PAGE = `
WITH page AS (
  SELECT id, address, worker, time_ms, verdict FROM shares
   WHERE network = $1 AND id <= $2 ORDER BY id DESC LIMIT $3
)
SELECT count(*) AS shares, min(id) AS oldest_id, min(time_ms) AS oldest_ms,
       max(id) FILTER (WHERE time_ms <= $6) AS newest_before,
       min(id) FILTER (
         WHERE verdict = 'block' AND address = $4 AND worker = $5 AND time_ms = $6
           AND id NOT IN (SELECT round_end_share_id FROM blocks
                           WHERE network = $1 AND round_end_share_id IS NOT NULL)
       ) AS block_share
  FROM page`;

// As in store/ledger/share-reader.ts: without statistics the planner would sort the id range.
const PLAN = 'SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off';

const MAX_ID = (1n << 63n) - 1n;

/**
 * Finds a block's share in the share log, walking back from the newest share until shares are
 * `slackMs` older than the block. The share log gets the block's share shortly after the
 * daemon's answer (submitting starts first), so a search right after acceptance can find
 * nothing yet: the caller tries again later.
 */
export async function findBlockShare(
  sql: SqlClient,
  block: Pick<NewBlock, 'network' | 'foundByAddress' | 'foundByWorker' | 'foundMs'>,
  opts: BlockShareOptions = {},
): Promise<BlockShareSearch> {
  const pageSize = opts.pageSize ?? 5000;
  const stopBeforeMs = block.foundMs - (opts.slackMs ?? 60_000);
  let upTo = MAX_ID;
  let blockShareId: bigint | undefined;
  let newestAtOrBeforeId: bigint | undefined;
  for (;;) {
    const bound = upTo;
    const { rows } = await sql.transaction(async (tx) => {
      await tx.exec(PLAN);
      return tx.query(PAGE, [
        block.network,
        bound,
        pageSize,
        block.foundByAddress,
        block.foundByWorker,
        block.foundMs,
      ]);
    });
    const row = onlyRow(rows, 'share page');
    const shares = numberOf(row, 'shares');
    if (shares === 0) break;
    const match = bigintOrNull(row, 'block_share');
    if (match !== null && (blockShareId === undefined || match < blockShareId)) {
      blockShareId = match;
    }
    newestAtOrBeforeId ??= bigintOrNull(row, 'newest_before') ?? undefined;
    const oldestMs = numberOrNull(row, 'oldest_ms') ?? Number.NEGATIVE_INFINITY;
    const oldestId = bigintOrNull(row, 'oldest_id');
    if (shares < pageSize || oldestMs < stopBeforeMs || oldestId === null) break;
    upTo = oldestId - 1n;
  }
  return { blockShareId, newestAtOrBeforeId };
}
