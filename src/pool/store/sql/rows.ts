import { storeError } from '../store-errors.js';
import type { SqlRow } from './sql-client.js';

/**
 * Typed reads of one column. A wrong type is a schema/code mismatch and throws
 * STORE_ROW_SHAPE rather than flowing on as `unknown`.
 */

function column(row: SqlRow, name: string): unknown {
  if (!(name in row)) throw storeError('STORE_ROW_SHAPE', `row has no column ${name}`);
  return row[name];
}

export function textOf(row: SqlRow, name: string): string {
  const v = column(row, name);
  if (typeof v !== 'string') throw storeError('STORE_ROW_SHAPE', `${name} is not text`);
  return v;
}

export function textOrNull(row: SqlRow, name: string): string | null {
  const v = column(row, name);
  return v === null ? null : textOf(row, name);
}

/** An int8 or numeric column, which the adapters hand over as exact decimal text. */
export function bigintOf(row: SqlRow, name: string): bigint {
  const v = column(row, name);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw storeError('STORE_ROW_SHAPE', `${name} is not an exact integer: ${String(v)}`);
}

export function bigintOrNull(row: SqlRow, name: string): bigint | null {
  return column(row, name) === null ? null : bigintOf(row, name);
}

/** An int4 column, or an int8 known to stay far below 2^53 (milliseconds, heights). */
export function numberOf(row: SqlRow, name: string): number {
  const v = column(row, name);
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw storeError('STORE_ROW_SHAPE', `${name} is not a safe integer: ${String(v)}`);
  }
  return n;
}

export function numberOrNull(row: SqlRow, name: string): number | null {
  return column(row, name) === null ? null : numberOf(row, name);
}

export function booleanOf(row: SqlRow, name: string): boolean {
  const v = column(row, name);
  if (typeof v !== 'boolean') throw storeError('STORE_ROW_SHAPE', `${name} is not a boolean`);
  return v;
}

/** The only row of a result that must have exactly one. */
export function onlyRow(rows: readonly SqlRow[], what: string): SqlRow {
  const row = rows[0];
  if (row === undefined || rows.length !== 1) {
    throw storeError('STORE_ROW_SHAPE', `${what}: expected one row, got ${rows.length}`);
  }
  return row;
}

/** A text column limited by a CHECK to `values`. */
export function oneOf<const T extends string>(row: SqlRow, name: string, values: readonly T[]): T {
  const v = textOf(row, name);
  const hit = values.find((x) => x === v);
  if (hit === undefined)
    throw storeError('STORE_ROW_SHAPE', `${name} '${v}' is not one of ${values.join(', ')}`);
  return hit;
}
