import type { WorkFactor } from '../../core/payouts/window.js';
import { bigintOf, booleanOf, numberOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlRow } from '../sql/sql-client.js';
import { storeError } from '../store-errors.js';
import { jsonParam, type JsonValue } from './json.js';

export interface DaemonEndpoint {
  /** RPC URL without credentials: those stay in the config file. */
  readonly url: string;
}

export interface StratumPort {
  readonly port: number;
  /** The starting difficulty on this port, exact decimal text. */
  readonly difficulty: string;
}

export interface PayoutSettings {
  readonly scheme: 'pplns';
  /** The window as a multiple of the network's work per block. */
  readonly window: WorkFactor;
  readonly feeBps: number;
  readonly minPayoutSats: bigint;
  /** Confirmations before a block's credits become payable. */
  readonly maturityDepth: number;
}

export interface NetworkConfig {
  readonly id: string;
  readonly coin: string;
  readonly algorithm: string;
  readonly daemons: readonly DaemonEndpoint[];
  readonly ports: readonly StratumPort[];
  readonly payout: PayoutSettings;
}

export interface NetworkRecord extends NetworkConfig {
  readonly active: boolean;
  readonly updatedMs: number;
}

const UPSERT = `
INSERT INTO networks (id, coin, algorithm, daemons, ports, payout_scheme, pplns_window_num,
                      pplns_window_den, fee_bps, min_payout_sats, maturity_depth, updated_ms)
VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (id) DO UPDATE SET
  coin = EXCLUDED.coin, algorithm = EXCLUDED.algorithm, daemons = EXCLUDED.daemons,
  ports = EXCLUDED.ports, payout_scheme = EXCLUDED.payout_scheme,
  pplns_window_num = EXCLUDED.pplns_window_num, pplns_window_den = EXCLUDED.pplns_window_den,
  fee_bps = EXCLUDED.fee_bps, min_payout_sats = EXCLUDED.min_payout_sats,
  maturity_depth = EXCLUDED.maturity_depth, updated_ms = EXCLUDED.updated_ms`;

/** The networks the pool knows, their settings and which are active. */
export class NetworkRepository {
  constructor(private readonly sql: SqlClient) {}

  /** Adds or replaces a network's settings; its active flag is left as it was. */
  async upsert(config: NetworkConfig, atMs: number): Promise<void> {
    for (const d of config.daemons) {
      if (URL.canParse(d.url) && new URL(d.url).password !== '') {
        throw storeError('STORE_CONFIG', `daemon URL of ${config.id} carries a password`);
      }
    }
    const p = config.payout;
    await this.sql.query(UPSERT, [
      config.id,
      config.coin,
      config.algorithm,
      jsonParam(config.daemons.map((d) => ({ url: d.url }))),
      jsonParam(config.ports.map((x) => ({ port: x.port, difficulty: x.difficulty }))),
      p.scheme,
      p.window.num,
      p.window.den,
      p.feeBps,
      p.minPayoutSats,
      p.maturityDepth,
      atMs,
    ]);
  }

  async get(id: string): Promise<NetworkRecord | undefined> {
    const { rows } = await this.sql.query('SELECT * FROM networks WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : network(rows[0]);
  }

  async list(): Promise<NetworkRecord[]> {
    const { rows } = await this.sql.query('SELECT * FROM networks ORDER BY id');
    return rows.map(network);
  }

  /** 'not-found' when there is no such network. */
  async setActive(id: string, active: boolean, atMs: number): Promise<'updated' | 'not-found'> {
    const { rowCount } = await this.sql.query(
      'UPDATE networks SET active = $2, updated_ms = $3 WHERE id = $1',
      [id, active, atMs],
    );
    return rowCount === 1 ? 'updated' : 'not-found';
  }
}

function network(row: SqlRow): NetworkRecord {
  return {
    id: textOf(row, 'id'),
    coin: textOf(row, 'coin'),
    algorithm: textOf(row, 'algorithm'),
    daemons: jsonArray(row, 'daemons').map((d) => ({ url: field(d, 'url') })),
    ports: jsonArray(row, 'ports').map((x) => ({
      port: Number(field(x, 'port')),
      difficulty: field(x, 'difficulty'),
    })),
    payout: {
      scheme: 'pplns',
      window: { num: bigintOf(row, 'pplns_window_num'), den: bigintOf(row, 'pplns_window_den') },
      feeBps: numberOf(row, 'fee_bps'),
      minPayoutSats: bigintOf(row, 'min_payout_sats'),
      maturityDepth: numberOf(row, 'maturity_depth'),
    },
    active: booleanOf(row, 'active'),
    updatedMs: numberOf(row, 'updated_ms'),
  };
}

function jsonArray(row: SqlRow, name: string): readonly JsonValue[] {
  const v = row[name];
  if (!Array.isArray(v)) throw storeError('STORE_ROW_SHAPE', `${name} is not a JSON array`);
  return v as readonly JsonValue[];
}

function field(v: JsonValue, name: string): string {
  const x =
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, JsonValue>)[name]
      : undefined;
  if (typeof x !== 'string' && typeof x !== 'number') {
    throw storeError('STORE_ROW_SHAPE', `JSON field ${name} missing`);
  }
  return String(x);
}
