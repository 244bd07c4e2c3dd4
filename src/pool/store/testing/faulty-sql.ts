import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';

/** How the next transaction of a FaultySql ends. */
export type Fault = 'none' | 'before' | 'after-write';

/**
 * A SqlClient that fails transactions on demand: 'before' fails without touching the
 * database (a refused connection), 'after-write' runs the body and then fails, so the
 * database must roll back what the body wrote (a commit that never happened).
 */
export class FaultySql implements SqlClient {
  readonly kind: SqlClient['kind'];
  transactions = 0;

  constructor(
    private readonly inner: SqlClient,
    private readonly next: () => Fault,
  ) {
    this.kind = inner.kind;
  }

  query(text: string, params?: readonly unknown[]) {
    return this.inner.query(text, params);
  }

  exec(script: string) {
    return this.inner.exec(script);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.transactions++;
    const fault = this.next();
    if (fault === 'before') throw new Error('injected: connection refused');
    return this.inner.transaction(async (tx) => {
      const value = await fn(tx);
      if (fault === 'after-write') throw new Error('injected: failed after writing');
      return value;
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
