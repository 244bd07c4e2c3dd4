import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';

class RollbackSignal<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back with an outcome');
  }
}

/**
 * A transaction whose body may end in an expected outcome that must undo what it wrote so
 * far (a payout plan one balance cannot cover): `rollback(value)` rolls back and makes
 * `value` the result, without the caller seeing an exception.
 */
export async function transactionWithOutcome<T>(
  sql: SqlClient,
  fn: (tx: SqlExecutor, rollback: (outcome: T) => never) => Promise<T>,
): Promise<T> {
  const signals = new Set<RollbackSignal<T>>();
  try {
    return await sql.transaction((tx) =>
      fn(tx, (outcome) => {
        const signal = new RollbackSignal(outcome);
        signals.add(signal);
        throw signal;
      }),
    );
  } catch (err) {
    for (const s of signals) if (err === s) return s.outcome;
    throw err;
  }
}
