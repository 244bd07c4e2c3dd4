import { numberOf, numberOrNull, oneOf, textOf } from '../../pool/store/sql/rows.js';
import type { SqlClient, SqlRow } from '../../pool/store/sql/sql-client.js';

const BAN_KINDS = ['ip', 'address'] as const;
export type BanKind = (typeof BAN_KINDS)[number];

export interface Ban {
  readonly id: string;
  readonly kind: BanKind;
  readonly value: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdMs: number;
  readonly expiresMs: number | undefined;
}

export interface PayoutHold {
  readonly network: string;
  readonly reason: string;
  readonly heldBy: string;
  readonly heldMs: number;
}

/**
 * What operators set for the pool to obey: bans (the Stratum server reads the active ones)
 * and payout holds (the payout sender sends nothing for a held network).
 */
export class OperatorBooks {
  constructor(private readonly sql: SqlClient) {}

  async activeBans(nowMs: number): Promise<Ban[]> {
    const { rows } = await this.sql.query(
      `SELECT * FROM bans WHERE lifted_ms IS NULL AND (expires_ms IS NULL OR expires_ms > $1)
        ORDER BY id`,
      [nowMs],
    );
    return rows.map(banOf);
  }

  async ban(ban: Omit<Ban, 'id' | 'createdMs'>, atMs: number): Promise<Ban> {
    const { rows } = await this.sql.query(
      `INSERT INTO bans (kind, value, reason, created_by, created_ms, expires_ms)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [ban.kind, ban.value, ban.reason, ban.createdBy, atMs, ban.expiresMs ?? null],
    );
    return banOf(rows[0]!);
  }

  /** Lifts an active ban; undefined when there is none with that id. */
  async lift(id: string, by: string, atMs: number): Promise<Ban | undefined> {
    const { rows } = await this.sql.query(
      `UPDATE bans SET lifted_by = $2, lifted_ms = $3 WHERE id = $1 AND lifted_ms IS NULL
       RETURNING *`,
      [id, by, atMs],
    );
    return rows[0] === undefined ? undefined : banOf(rows[0]);
  }

  async holds(): Promise<PayoutHold[]> {
    const { rows } = await this.sql.query('SELECT * FROM payout_holds ORDER BY network');
    return rows.map((r) => ({
      network: textOf(r, 'network'),
      reason: textOf(r, 'reason'),
      heldBy: textOf(r, 'held_by'),
      heldMs: numberOf(r, 'held_ms'),
    }));
  }

  async isHeld(network: string): Promise<boolean> {
    const { rows } = await this.sql.query('SELECT 1 FROM payout_holds WHERE network = $1', [
      network,
    ]);
    return rows.length > 0;
  }

  /** Pauses a network's payouts; false when they were paused already. */
  async hold(network: string, reason: string, by: string, atMs: number): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `INSERT INTO payout_holds (network, reason, held_by, held_ms) VALUES ($1, $2, $3, $4)
       ON CONFLICT (network) DO NOTHING`,
      [network, reason, by, atMs],
    );
    return rowCount === 1;
  }

  /** Resumes a network's payouts; false when they were not paused. */
  async release(network: string): Promise<boolean> {
    const { rowCount } = await this.sql.query('DELETE FROM payout_holds WHERE network = $1', [
      network,
    ]);
    return rowCount === 1;
  }
}

function banOf(row: SqlRow): Ban {
  return {
    id: textOf(row, 'id'),
    kind: oneOf(row, 'kind', BAN_KINDS),
    value: textOf(row, 'value'),
    reason: textOf(row, 'reason'),
    createdBy: textOf(row, 'created_by'),
    createdMs: numberOf(row, 'created_ms'),
    expiresMs: numberOrNull(row, 'expires_ms') ?? undefined,
  };
}
