import { bigintOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlRow } from '../sql/sql-client.js';

/** Where an address's credits are, in the coin's smallest unit. */
export interface Balance {
  readonly network: string;
  readonly address: string;
  /** Credited from blocks not yet confirmed. */
  readonly immatureSats: bigint;
  /** Confirmed and not yet in a payout plan. */
  readonly payableSats: bigint;
  /** In a payout plan that is planned or sent. */
  readonly reservedSats: bigint;
  /** In confirmed payouts. */
  readonly paidSats: bigint;
}

/** Balances are written only by BlockRepository and PayoutRepository; this reads them. */
export class BalanceRepository {
  constructor(private readonly sql: SqlClient) {}

  /** An address's balance; all zero when it has none. */
  async get(network: string, address: string): Promise<Balance> {
    const { rows } = await this.sql.query(
      'SELECT * FROM balances WHERE network = $1 AND address = $2',
      [network, address],
    );
    const row = rows[0];
    if (row === undefined) {
      return {
        network,
        address,
        immatureSats: 0n,
        payableSats: 0n,
        reservedSats: 0n,
        paidSats: 0n,
      };
    }
    return balance(row);
  }

  /** Every balance of a network, by address. */
  async list(network: string): Promise<Balance[]> {
    const { rows } = await this.sql.query(
      'SELECT * FROM balances WHERE network = $1 ORDER BY address',
      [network],
    );
    return rows.map(balance);
  }

  /** Addresses whose payable balance reaches `minSats`: what a payout plan draws from. */
  async payable(network: string, minSats: bigint): Promise<Balance[]> {
    const { rows } = await this.sql.query(
      `SELECT * FROM balances WHERE network = $1 AND payable_sats >= $2 AND payable_sats > 0
        ORDER BY address`,
      [network, minSats],
    );
    return rows.map(balance);
  }
}

function balance(row: SqlRow): Balance {
  return {
    network: textOf(row, 'network'),
    address: textOf(row, 'address'),
    immatureSats: bigintOf(row, 'immature_sats'),
    payableSats: bigintOf(row, 'payable_sats'),
    reservedSats: bigintOf(row, 'reserved_sats'),
    paidSats: bigintOf(row, 'paid_sats'),
  };
}
