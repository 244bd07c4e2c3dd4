import { numberOf } from '../sql/rows.js';
import type { SqlClient } from '../sql/sql-client.js';
import { readPplnsWindow } from './pplns-window.js';

export interface PruneOptions {
  /**
   * Work to keep, counted back from the newest share: the PPLNS window plus a margin. The
   * margin covers a block found just before pruning whose row is not written yet: its
   * window ends a little earlier than the newest share.
   */
  readonly keepWork: bigint;
  /** Move pruned shares to shares_archive instead of deleting them. */
  readonly archive: boolean;
  /** Shares per transaction, so a large prune never holds one long lock. */
  readonly chunkSize?: number;
}

export type PruneOutcome =
  /** A block is waiting for its credits; its window must stay readable. */
  | { readonly kind: 'deferred'; readonly uncreditedBlocks: number }
  | {
      readonly kind: 'pruned';
      /** The oldest share kept; undefined when the network has no shares. */
      readonly keptFromShareId: bigint | undefined;
      readonly removed: number;
      readonly archived: boolean;
    };

const UNCREDITED = `SELECT count(*) AS n FROM blocks
 WHERE network = $1 AND credited_ms IS NULL AND status <> 'orphaned'`;

const COLUMNS =
  'id, network, address, worker, session_id, job_id, difficulty_num, difficulty_den, work, hash, time_ms, verdict';

const CHUNK = `SELECT id FROM shares WHERE network = $1 AND id < $2 ORDER BY id LIMIT $3`;

const MOVE = `WITH moved AS (DELETE FROM shares WHERE id IN (${CHUNK}) RETURNING ${COLUMNS})
INSERT INTO shares_archive (${COLUMNS}) SELECT ${COLUMNS} FROM moved`;

const DELETE = `DELETE FROM shares WHERE id IN (${CHUNK})`;

/**
 * Removes (or archives) a network's shares older than every open PPLNS window: older than
 * the window of `keepWork` ending at the newest share, and only while no block is waiting
 * for its credits. Shares are append-only and windows only move forward, so what is older
 * than the newest window now is older than every window to come.
 */
export async function pruneShares(
  sql: SqlClient,
  network: string,
  opts: PruneOptions,
): Promise<PruneOutcome> {
  const { rows } = await sql.query(UNCREDITED, [network]);
  const uncreditedBlocks = rows[0] === undefined ? 0 : numberOf(rows[0], 'n');
  if (uncreditedBlocks > 0) return { kind: 'deferred', uncreditedBlocks };
  const window = await readPplnsWindow(sql, network, opts.keepWork);
  const keptFromShareId = window.oldestShareId;
  if (keptFromShareId === undefined) {
    return { kind: 'pruned', keptFromShareId, removed: 0, archived: opts.archive };
  }
  const chunkSize = opts.chunkSize ?? 50_000;
  const statement = opts.archive ? MOVE : DELETE;
  let removed = 0;
  for (;;) {
    const { rowCount } = await sql.transaction((tx) =>
      tx.query(statement, [network, keptFromShareId, chunkSize]),
    );
    removed += rowCount;
    if (rowCount < chunkSize) break;
  }
  // Fresh statistics for the planner after a large change (PGlite never autovacuums).
  if (removed > 0) await sql.exec('ANALYZE shares');
  return { kind: 'pruned', keptFromShareId, removed, archived: opts.archive };
}
