import { bigintOf, numberOf, numberOrNull, textOf, textOrNull } from '../../pool/store/sql/rows.js';
import type { SqlClient } from '../../pool/store/sql/sql-client.js';
import type { BlockCount } from '../metrics/api-metrics.js';

export interface WorkerSeen {
  readonly name: string;
  readonly firstSeenMs: number;
  readonly lastSeenMs: number;
}

export interface AddressPayout {
  readonly planId: string;
  readonly status: string;
  readonly amountSats: bigint;
  readonly txid: string | undefined;
  readonly plannedMs: number;
  readonly sentMs: number | undefined;
  readonly settledMs: number | undefined;
}

export interface NetworkPayout {
  readonly planId: string;
  readonly status: string;
  readonly totalSats: bigint;
  readonly recipients: number;
  readonly txid: string | undefined;
  readonly plannedMs: number;
  readonly settledMs: number | undefined;
}

/** What the miners' pages read that the repositories do not offer: by address, by time. */
export class PoolReads {
  constructor(private readonly sql: SqlClient) {}

  async workers(network: string, address: string): Promise<WorkerSeen[]> {
    const { rows } = await this.sql.query(
      `SELECT name, first_seen_ms, last_seen_ms FROM workers
        WHERE network = $1 AND address = $2 ORDER BY name LIMIT 1000`,
      [network, address],
    );
    return rows.map((r) => ({
      name: textOf(r, 'name'),
      firstSeenMs: numberOf(r, 'first_seen_ms'),
      lastSeenMs: numberOf(r, 'last_seen_ms'),
    }));
  }

  async knownMiner(network: string, address: string): Promise<boolean> {
    const { rows } = await this.sql.query(
      `SELECT 1 FROM miners WHERE network = $1 AND address = $2
       UNION ALL SELECT 1 FROM balances WHERE network = $1 AND address = $2 LIMIT 1`,
      [network, address],
    );
    return rows.length > 0;
  }

  /** An address's payouts, newest first. */
  async payoutsTo(network: string, address: string, limit: number): Promise<AddressPayout[]> {
    const { rows } = await this.sql.query(
      `SELECT p.plan_id, p.status, i.amount_sats, p.txid, p.planned_ms, p.sent_ms, p.settled_ms
         FROM payout_items i JOIN payouts p ON p.plan_id = i.plan_id
        WHERE p.network = $1 AND i.address = $2
        ORDER BY p.planned_ms DESC, p.plan_id LIMIT $3`,
      [network, address, limit],
    );
    return rows.map((r) => ({
      planId: textOf(r, 'plan_id'),
      status: textOf(r, 'status'),
      amountSats: bigintOf(r, 'amount_sats'),
      txid: textOrNull(r, 'txid') ?? undefined,
      plannedMs: numberOf(r, 'planned_ms'),
      sentMs: numberOrNull(r, 'sent_ms') ?? undefined,
      settledMs: numberOrNull(r, 'settled_ms') ?? undefined,
    }));
  }

  /** A network's payouts of every status, newest first. */
  async payouts(network: string, limit: number): Promise<NetworkPayout[]> {
    const { rows } = await this.sql.query(
      `SELECT p.plan_id, p.status, p.total_sats, p.txid, p.planned_ms, p.settled_ms,
              (SELECT count(*) FROM payout_items i WHERE i.plan_id = p.plan_id) AS recipients
         FROM payouts p WHERE p.network = $1
        ORDER BY p.planned_ms DESC, p.plan_id LIMIT $2`,
      [network, limit],
    );
    return rows.map((r) => ({
      planId: textOf(r, 'plan_id'),
      status: textOf(r, 'status'),
      totalSats: bigintOf(r, 'total_sats'),
      recipients: numberOf(r, 'recipients'),
      txid: textOrNull(r, 'txid') ?? undefined,
      plannedMs: numberOf(r, 'planned_ms'),
      settledMs: numberOrNull(r, 'settled_ms') ?? undefined,
    }));
  }

  async blockCounts(): Promise<BlockCount[]> {
    const { rows } = await this.sql.query(
      'SELECT network, status, count(*) AS n FROM blocks GROUP BY network, status ORDER BY 1, 2',
    );
    return rows.map((r) => ({
      network: textOf(r, 'network'),
      status: textOf(r, 'status'),
      count: numberOf(r, 'n'),
    }));
  }

  async blocksFoundBy(network: string, address: string, limit: number): Promise<BlockRowLite[]> {
    const { rows } = await this.sql.query(
      `SELECT hash, height, status, reward_sats, found_by_worker, found_ms FROM blocks
        WHERE network = $1 AND found_by_address = $2 ORDER BY height DESC LIMIT $3`,
      [network, address, limit],
    );
    return rows.map((r) => ({
      hash: textOf(r, 'hash'),
      height: numberOf(r, 'height'),
      status: textOf(r, 'status'),
      rewardSats: bigintOf(r, 'reward_sats'),
      worker: textOf(r, 'found_by_worker'),
      foundMs: numberOf(r, 'found_ms'),
    }));
  }
}

export interface BlockRowLite {
  readonly hash: string;
  readonly height: number;
  readonly status: string;
  readonly rewardSats: bigint;
  readonly worker: string;
  readonly foundMs: number;
}
