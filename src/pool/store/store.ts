import { AuditLog } from './books/audit-log.js';
import { BalanceRepository } from './books/balance-repository.js';
import { BlockRepository } from './books/block-repository.js';
import { NetworkRepository } from './books/network-repository.js';
import { NetworkSwitchLog } from './books/network-switches.js';
import { PayoutRepository } from './books/payout-repository.js';
import { ShareLog } from './ledger/share-log.js';
import { MIGRATIONS } from './migrations/index.js';
import { migrate, type MigrationReport } from './migrations/migrate.js';
import { createPgClient } from './sql/pg-client.js';
import { createPgliteClient } from './sql/pglite-client.js';
import type { SqlClient } from './sql/sql-client.js';
import { storeError } from './store-errors.js';

export interface StoreOptions {
  /** postgres://... : the PostgreSQL server. Without it, embedded PGlite. */
  readonly databaseUrl?: string;
  /** PGlite only: keep the database in this directory; in memory when omitted. */
  readonly dataDir?: string;
  /** Tables live in this schema (created when missing): one store per schema. */
  readonly schema?: string;
  /** PostgreSQL connections. */
  readonly poolSize?: number;
}

/** The pool's books: one SQL client, migrated, and the repositories over it. */
export interface Store {
  readonly sql: SqlClient;
  readonly migrations: MigrationReport;
  readonly networks: NetworkRepository;
  readonly switches: NetworkSwitchLog;
  readonly shares: ShareLog;
  readonly blocks: BlockRepository;
  readonly balances: BalanceRepository;
  readonly payouts: PayoutRepository;
  readonly audit: AuditLog;
  /** Closes the client; close share ledgers first, so their last batches are written. */
  close(): Promise<void>;
}

/**
 * Opens the store for a composition root: PostgreSQL through `pg` when a database URL is
 * given, embedded PGlite otherwise; then applies pending migrations. Throws STORE_CONFIG for
 * a URL together with a data directory.
 */
export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  if (opts.databaseUrl !== undefined && opts.dataDir !== undefined) {
    throw storeError('STORE_CONFIG', 'give a database URL or a PGlite data directory, not both');
  }
  const sql =
    opts.databaseUrl === undefined
      ? await createPgliteClient({
          ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
          ...(opts.schema === undefined ? {} : { schema: opts.schema }),
        })
      : await createPgClient({
          databaseUrl: opts.databaseUrl,
          ...(opts.schema === undefined ? {} : { schema: opts.schema }),
          ...(opts.poolSize === undefined ? {} : { poolSize: opts.poolSize }),
        });
  try {
    return storeOver(sql, await migrate(sql, MIGRATIONS));
  } catch (err) {
    await sql.close();
    throw err;
  }
}

/** The repositories over an already migrated client. */
export function storeOver(sql: SqlClient, migrations: MigrationReport): Store {
  return {
    sql,
    migrations,
    networks: new NetworkRepository(sql),
    switches: new NetworkSwitchLog(sql),
    shares: new ShareLog(sql),
    blocks: new BlockRepository(sql),
    balances: new BalanceRepository(sql),
    payouts: new PayoutRepository(sql),
    audit: new AuditLog(sql),
    close: () => sql.close(),
  };
}
