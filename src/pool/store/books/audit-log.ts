import { bigintOf, numberOf, onlyRow, textOf, textOrNull } from '../sql/rows.js';
import type { SqlClient, SqlRow } from '../sql/sql-client.js';
import { jsonParam, type JsonValue } from './json.js';

export interface AuditEntry {
  /** Who acted: an operator's name, `cli`, `api:<token id>`. */
  readonly actor: string;
  /** What was done, e.g. `network.switch`, `payout.cancel`. */
  readonly action: string;
  /** What it was done to, e.g. a network id or a plan id. */
  readonly target?: string;
  readonly details?: { readonly [key: string]: JsonValue };
}

export interface AuditRecord extends AuditEntry {
  readonly id: bigint;
  readonly atMs: number;
  readonly details: { readonly [key: string]: JsonValue };
}

/** Operators' actions, append-only (the database refuses UPDATE, DELETE and TRUNCATE). */
export class AuditLog {
  constructor(private readonly sql: SqlClient) {}

  async record(entry: AuditEntry, atMs: number): Promise<bigint> {
    const { rows } = await this.sql.query(
      `INSERT INTO audit_log (at_ms, actor, action, target, details)
       VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
      [atMs, entry.actor, entry.action, entry.target ?? null, jsonParam(entry.details ?? {})],
    );
    return bigintOf(onlyRow(rows, 'audit entry'), 'id');
  }

  /** Entries after `afterId` (all when omitted), oldest first, at most `limit`. */
  async list(limit: number, afterId = 0n): Promise<AuditRecord[]> {
    const { rows } = await this.sql.query(
      'SELECT * FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2',
      [afterId, limit],
    );
    return rows.map(auditRecord);
  }
}

function auditRecord(row: SqlRow): AuditRecord {
  const target = textOrNull(row, 'target');
  return {
    id: bigintOf(row, 'id'),
    atMs: numberOf(row, 'at_ms'),
    actor: textOf(row, 'actor'),
    action: textOf(row, 'action'),
    ...(target === null ? {} : { target }),
    details: row['details'] as { readonly [key: string]: JsonValue },
  };
}
