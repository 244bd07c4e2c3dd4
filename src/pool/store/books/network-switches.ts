import { bigintOf, numberOf, oneOf, onlyRow, textOf, textOrNull } from '../sql/rows.js';
import type { SqlClient, SqlRow } from '../sql/sql-client.js';

const PHASES = ['started', 'completed', 'rolled-back'] as const;
export type SwitchPhase = (typeof PHASES)[number];

export interface NetworkSwitch {
  /** undefined when the pool mined nothing before. */
  readonly from: string | undefined;
  readonly to: string;
  readonly phase: SwitchPhase;
  readonly reason: string;
  readonly actor: string;
}

export interface NetworkSwitchRecord extends NetworkSwitch {
  readonly id: bigint;
  readonly atMs: number;
}

/** The history of network switches, one row per phase, append-only. */
export class NetworkSwitchLog {
  constructor(private readonly sql: SqlClient) {}

  async record(event: NetworkSwitch, atMs: number): Promise<bigint> {
    const { rows } = await this.sql.query(
      `INSERT INTO network_switches (from_network, to_network, phase, reason, actor, at_ms)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [event.from ?? null, event.to, event.phase, event.reason, event.actor, atMs],
    );
    return bigintOf(onlyRow(rows, 'network switch'), 'id');
  }

  /** The newest `limit` events, newest first. */
  async recent(limit: number): Promise<NetworkSwitchRecord[]> {
    const { rows } = await this.sql.query(
      'SELECT * FROM network_switches ORDER BY id DESC LIMIT $1',
      [limit],
    );
    return rows.map(switchEvent);
  }
}

function switchEvent(row: SqlRow): NetworkSwitchRecord {
  return {
    id: bigintOf(row, 'id'),
    from: textOrNull(row, 'from_network') ?? undefined,
    to: textOf(row, 'to_network'),
    phase: oneOf(row, 'phase', PHASES),
    reason: textOf(row, 'reason'),
    actor: textOf(row, 'actor'),
    atMs: numberOf(row, 'at_ms'),
  };
}
