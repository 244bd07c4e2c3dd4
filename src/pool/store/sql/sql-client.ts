/**
 * The one SQL seam of the store. Two adapters implement it, PostgreSQL through `pg` and
 * embedded PGlite, so every repository is written once and tested against both.
 *
 * Rows come back with int8 and numeric (and arrays of them) as decimal text, never as a
 * JavaScript number: work and amounts are read with BigInt and stay exact.
 */

/** A row as the adapters return it; read it through the helpers in rows.ts. */
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlResult {
  readonly rows: readonly SqlRow[];
  /** Rows returned by a SELECT, or changed by an INSERT, UPDATE or DELETE. */
  readonly rowCount: number;
}

/** What runs statements: the client itself, or the inside of one transaction. */
export interface SqlExecutor {
  /** One statement with `$1`-style parameters; bigint parameters are sent as exact text. */
  query(text: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type SqlAdapterKind = 'postgres' | 'pglite';

export interface SqlClient extends SqlExecutor {
  readonly kind: SqlAdapterKind;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). Do not call `transaction` again inside `fn`; use `tx`.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A schema name safe to splice into SQL: lower-case letters, digits and `_`. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
