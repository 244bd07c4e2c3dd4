import { createHash } from 'node:crypto';
import { numberOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';
import { storeError } from '../store-errors.js';
import type { Migration } from './migration.js';

export interface MigrationReport {
  /** Versions this call applied, in order. */
  readonly applied: readonly number[];
  /** Versions the database already had. */
  readonly present: readonly number[];
}

// One lock for every migrator of the database, so two processes starting at once apply
// each migration once (the loser waits, then finds them applied).
const LOCK_KEY = 0x6368696d; // 'chim'

export function checksum(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/**
 * Brings the schema up to date: every migration not yet recorded in schema_migrations is
 * applied, in order, all in one transaction with its record, so a failure leaves the schema
 * as it was. Running it again applies nothing.
 *
 * Throws STORE_MIGRATION_ORDER when the list is not 1..n, STORE_MIGRATION_CHANGED when an
 * applied migration's text changed, STORE_MIGRATION_UNKNOWN when the database is ahead.
 */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[],
): Promise<MigrationReport> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw storeError('STORE_MIGRATION_ORDER', `migration #${i + 1} is version ${m.version}`);
    }
  });
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const present = await appliedChecksums(tx);
    for (const [version, sum] of present) {
      const m = migrations[version - 1];
      if (m === undefined) {
        throw storeError('STORE_MIGRATION_UNKNOWN', `the database has migration ${version}`, {
          version,
        });
      }
      if (checksum(m) !== sum) {
        throw storeError('STORE_MIGRATION_CHANGED', `migration ${version} ${m.name} changed`, {
          version,
        });
      }
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (present.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
        [m.version, m.name, checksum(m)],
      );
      applied.push(m.version);
    }
    return { applied, present: [...present.keys()] };
  });
}

async function appliedChecksums(tx: SqlExecutor): Promise<Map<number, string>> {
  const { rows } = await tx.query(
    'SELECT version, checksum FROM schema_migrations ORDER BY version',
  );
  return new Map(rows.map((r) => [numberOf(r, 'version'), textOf(r, 'checksum')]));
}
