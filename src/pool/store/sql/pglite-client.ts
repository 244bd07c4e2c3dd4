import { PGlite, type Transaction } from '@electric-sql/pglite';
import { storeError } from '../store-errors.js';
import {
  SCHEMA_NAME,
  type SqlClient,
  type SqlExecutor,
  type SqlResult,
  type SqlRow,
} from './sql-client.js';

export interface PgliteClientOptions {
  /** A directory to keep the database in; in memory when omitted. */
  readonly dataDir?: string;
  readonly schema?: string;
}

/** int8 stays decimal text (PGlite would hand out a float); numeric already is text. */
const exactParsers = { 20: (text: string) => text };

/**
 * The embedded adapter: PostgreSQL compiled to WebAssembly, in this process. It has one
 * connection, so statements and transactions run one at a time; and it does not fsync, so a
 * commit survives the process but not a crash of the machine.
 */
export async function createPgliteClient(opts: PgliteClientOptions = {}): Promise<SqlClient> {
  const schema = opts.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw storeError('STORE_CONFIG', `schema name '${schema}' is not [a-z_][a-z0-9_]*`);
  }
  const db = await PGlite.create({
    ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
    parsers: exactParsers,
  });
  if (schema !== undefined) {
    // One session for the life of the database, so setting the path once holds.
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
  }
  return new PgliteClient(db);
}

type Runner = Pick<PGlite | Transaction, 'query' | 'exec'>;

function executor(run: Runner): SqlExecutor {
  return {
    query: async (text, params = []): Promise<SqlResult> => {
      const r = await run.query<SqlRow>(text, [...params]);
      return { rows: r.rows, rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length };
    },
    exec: async (script) => {
      await run.exec(script);
    },
  };
}

class PgliteClient implements SqlClient {
  readonly kind = 'pglite';
  private readonly direct: SqlExecutor;

  constructor(private readonly db: PGlite) {
    this.direct = executor(db);
  }

  query(text: string, params?: readonly unknown[]): Promise<SqlResult> {
    return this.direct.query(text, params);
  }

  exec(script: string): Promise<void> {
    return this.direct.exec(script);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(executor(tx)));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
