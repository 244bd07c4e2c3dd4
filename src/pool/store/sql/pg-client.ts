import pg from 'pg';
import { storeError } from '../store-errors.js';
import {
  SCHEMA_NAME,
  type SqlClient,
  type SqlExecutor,
  type SqlResult,
  type SqlRow,
} from './sql-client.js';

export interface PgClientOptions {
  readonly databaseUrl: string;
  /** Tables live in this schema (created when missing); `public` when omitted. */
  readonly schema?: string;
  /** Connections in the pool. */
  readonly poolSize?: number;
  /** Idle connections do not keep the process alive (scripts, benchmarks). */
  readonly allowExitOnIdle?: boolean;
  /**
   * A pooled connection that breaks while idle (server restart) is dropped by the pool and
   * replaced on the next query; this hears about it. Without it the event is ignored, since
   * the next query reports any lasting outage anyway.
   */
  readonly onIdleError?: (error: Error) => void;
}

const SCHEMA_LOCK_KEY = 0x63686973; // 'chis'

const OID = { int8: 20, int8Array: 1016, numeric: 1700, numericArray: 1231, textArray: 1009 };

type TextParser = (text: string) => unknown;

/** int8 and numeric stay decimal text, arrays of them too (pg parses numeric[] to floats). */
function exactParser(oid: number): TextParser {
  if (oid === OID.int8 || oid === OID.numeric) return (text) => text;
  const array = oid === OID.int8Array || oid === OID.numericArray;
  const parser: unknown = pg.types.getTypeParser(array ? OID.textArray : oid);
  if (typeof parser !== 'function') throw storeError('STORE_CONFIG', `no parser for type ${oid}`);
  return parser as TextParser;
}

// The store asks only for text results, so only text parsers are given.
const exactTypes: pg.CustomTypesConfig = { getTypeParser: exactParser };

/** The PostgreSQL adapter: a `pg` Pool, one pooled connection per transaction. */
export async function createPgClient(opts: PgClientOptions): Promise<SqlClient> {
  const schema = opts.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw storeError('STORE_CONFIG', `schema name '${schema}' is not [a-z_][a-z0-9_]*`);
  }
  if (schema !== undefined) {
    // Created on a connection of its own before the pool exists, since the pool's
    // connections start with the schema on their search path. IF NOT EXISTS alone races
    // with another process doing the same, hence the lock.
    const setup = new pg.Client({ connectionString: opts.databaseUrl });
    await setup.connect();
    try {
      await setup.query(
        `BEGIN; SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY});
         CREATE SCHEMA IF NOT EXISTS ${schema}; COMMIT`,
      );
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.poolSize ?? 10,
    allowExitOnIdle: opts.allowExitOnIdle ?? false,
    types: exactTypes,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  pool.on('error', (error) => opts.onIdleError?.(error));
  return new PgClient(pool);
}

function result(r: pg.QueryResult): SqlResult {
  return { rows: r.rows as SqlRow[], rowCount: r.rowCount ?? r.rows.length };
}

function executor(run: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    query: async (text, params = []) => result(await run.query(text, [...params])),
    exec: async (script) => {
      await run.query(script);
    },
  };
}

class PgClient implements SqlClient {
  readonly kind = 'postgres';
  private readonly direct: SqlExecutor;

  constructor(private readonly pool: pg.Pool) {
    this.direct = executor(pool);
  }

  query(text: string, params?: readonly unknown[]): Promise<SqlResult> {
    return this.direct.query(text, params);
  }

  exec(script: string): Promise<void> {
    return this.direct.exec(script);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const conn = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await conn.query('BEGIN');
      try {
        const value = await fn(executor(conn));
        await conn.query('COMMIT');
        return value;
      } catch (err) {
        try {
          await conn.query('ROLLBACK');
        } catch (rollbackErr) {
          // A connection that cannot roll back is not given back to the pool.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw err;
      }
    } finally {
      conn.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
