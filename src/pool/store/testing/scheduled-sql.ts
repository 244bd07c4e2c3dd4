import type fc from 'fast-check';
import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';

type Body = (tx: SqlExecutor) => Promise<unknown>;

/**
 * A SqlClient whose transactions end when a fast-check scheduler says so: the work runs at
 * once, but the caller hears of the commit (or failure) in an order the scheduler picks,
 * interleaved with everything else it schedules.
 */
export class ScheduledSql implements SqlClient {
  readonly kind: SqlClient['kind'];
  private readonly run: (fn: Body) => Promise<unknown>;

  constructor(
    private readonly inner: SqlClient,
    scheduler: fc.Scheduler,
  ) {
    this.kind = inner.kind;
    this.run = scheduler.scheduleFunction(function transaction(fn: Body) {
      return inner.transaction(fn);
    });
  }

  query(text: string, params?: readonly unknown[]) {
    return this.inner.query(text, params);
  }

  exec(script: string) {
    return this.inner.exec(script);
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.run(fn) as Promise<T>;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
