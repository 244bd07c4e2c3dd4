import type { SqlExecutor } from '../sql/sql-client.js';
import type { SeenRows } from './seen-cache.js';
import type { ShareRow } from './share-columns.js';

/**
 * Writes a batch of shares inside the caller's transaction as one INSERT over unnest() of
 * one array per column: a fixed 11 parameters whatever the batch size, so there is no
 * parameter limit and the statement text is always the same. (On PGlite this measured faster
 * than COPY from a CSV blob for batches of 1,000; `pg` has no COPY without another package.)
 */
const INSERT_SHARES = `
INSERT INTO shares (network, address, worker, session_id, job_id, difficulty_num,
                    difficulty_den, work, hash, time_ms, verdict)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                     $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::int8[],
                     $11::text[])`;

const UPSERT_MINERS = `
INSERT INTO miners (network, address, first_seen_ms, last_seen_ms)
SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::int8[])
ON CONFLICT (network, address)
DO UPDATE SET last_seen_ms = GREATEST(miners.last_seen_ms, EXCLUDED.last_seen_ms)`;

const UPSERT_WORKERS = `
INSERT INTO workers (network, address, name, first_seen_ms, last_seen_ms)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int8[])
ON CONFLICT (network, address, name)
DO UPDATE SET last_seen_ms = GREATEST(workers.last_seen_ms, EXCLUDED.last_seen_ms)`;

/** The shares, and the miners/workers rows that are due (see SeenCache), in one go. */
export async function writeShareBatch(
  tx: SqlExecutor,
  rows: readonly ShareRow[],
  seen: SeenRows,
): Promise<void> {
  if (rows.length === 0) return;
  if (seen.miners.length > 0) {
    await tx.query(UPSERT_MINERS, [
      seen.miners.map((m) => m.network),
      seen.miners.map((m) => m.address),
      seen.miners.map((m) => m.firstMs),
      seen.miners.map((m) => m.lastMs),
    ]);
  }
  if (seen.workers.length > 0) {
    await tx.query(UPSERT_WORKERS, [
      seen.workers.map((w) => w.network),
      seen.workers.map((w) => w.address),
      seen.workers.map((w) => w.worker),
      seen.workers.map((w) => w.firstMs),
      seen.workers.map((w) => w.lastMs),
    ]);
  }
  await tx.query(INSERT_SHARES, [
    rows.map((r) => r.network),
    rows.map((r) => r.address),
    rows.map((r) => r.worker),
    rows.map((r) => r.sessionId),
    rows.map((r) => r.jobId),
    rows.map((r) => r.difficultyNum),
    rows.map((r) => r.difficultyDen),
    rows.map((r) => r.work),
    rows.map((r) => r.hash),
    rows.map((r) => r.timeMs),
    rows.map((r) => r.verdict),
  ]);
}
