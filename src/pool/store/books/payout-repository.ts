import {
  bigintOf,
  numberOf,
  numberOrNull,
  oneOf,
  onlyRow,
  textOf,
  textOrNull,
} from '../sql/rows.js';
import type { SqlClient, SqlExecutor, SqlRow } from '../sql/sql-client.js';
import { storeError } from '../store-errors.js';
import { transactionWithOutcome } from './rollback.js';

const STATUSES = ['planned', 'sent', 'confirmed', 'cancelled'] as const;
export type PayoutStatus = (typeof STATUSES)[number];

export interface PayoutItem {
  readonly address: string;
  readonly amountSats: bigint;
}

export interface PayoutPlan {
  /** Chosen by the planner (e.g. network + a hash of the items): the idempotency key. */
  readonly planId: string;
  readonly network: string;
  readonly items: readonly PayoutItem[];
}

export interface PayoutRecord extends PayoutPlan {
  readonly status: PayoutStatus;
  readonly totalSats: bigint;
  readonly txid: string | undefined;
  readonly plannedMs: number;
  readonly sentMs: number | undefined;
  readonly settledMs: number | undefined;
}

export type PlanOutcome =
  | { readonly kind: 'planned'; readonly totalSats: bigint }
  /** The same plan was written before: nothing changed. */
  | { readonly kind: 'exists'; readonly status: PayoutStatus }
  /** Some payable balances cannot cover their item: nothing was written. */
  | {
      readonly kind: 'insufficient';
      readonly shortfalls: readonly { readonly address: string; readonly payableSats: bigint }[];
    };

export type SentOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'already-sent'; readonly status: 'sent' | 'confirmed' }
  | { readonly kind: 'is-cancelled' }
  | { readonly kind: 'not-found' };

export type SettleOutcome =
  | { readonly kind: 'confirmed' | 'cancelled' }
  | { readonly kind: 'unchanged'; readonly status: PayoutStatus }
  | { readonly kind: 'not-found' };

const RESERVE = `
UPDATE balances b SET payable_sats = b.payable_sats - i.amount,
                      reserved_sats = b.reserved_sats + i.amount
  FROM unnest($2::text[], $3::numeric[]) AS i (address, amount)
 WHERE b.network = $1 AND b.address = i.address AND b.payable_sats >= i.amount
RETURNING b.address`;

const SETTLE = (to: 'paid_sats' | 'payable_sats') => `
UPDATE balances b SET reserved_sats = b.reserved_sats - i.amount_sats,
                      ${to} = b.${to} + i.amount_sats
  FROM payout_items i
 WHERE i.plan_id = $1 AND b.network = $2 AND b.address = i.address`;

/**
 * Payout plans: written (and the amounts reserved from payable balances) before any coin is
 * sent, idempotent by plan id, then marked sent with the txid, then confirmed or, if never
 * sent, cancelled. Sending coins is the payout sender's job; this keeps the books of it.
 */
export class PayoutRepository {
  constructor(private readonly sql: SqlClient) {}

  /**
   * Writes the plan and reserves every item from its address's payable balance, all or
   * nothing. The same plan id with the same items is 'exists'; with other items it throws
   * PAYOUT_PLAN_CONFLICT. A plan with no items, an amount <= 0 or an address twice throws
   * PAYOUT_BAD_PLAN.
   */
  async plan(plan: PayoutPlan, atMs: number): Promise<PlanOutcome> {
    const items = checkedItems(plan);
    const totalSats = items.reduce((s, i) => s + i.amountSats, 0n);
    return transactionWithOutcome<PlanOutcome>(this.sql, async (tx, rollback) => {
      const { rowCount } = await tx.query(
        `INSERT INTO payouts (plan_id, network, status, total_sats, planned_ms)
         VALUES ($1, $2, 'planned', $3, $4) ON CONFLICT (plan_id) DO NOTHING`,
        [plan.planId, plan.network, totalSats, atMs],
      );
      if (rowCount === 0) return existing(tx, plan, items);
      const addresses = items.map((i) => i.address);
      const amounts = items.map((i) => i.amountSats);
      await tx.query(
        `INSERT INTO payout_items (plan_id, address, amount_sats)
         SELECT $1, address, amount FROM unnest($2::text[], $3::numeric[]) AS i (address, amount)`,
        [plan.planId, addresses, amounts],
      );
      const reserved = await tx.query(RESERVE, [plan.network, addresses, amounts]);
      if (reserved.rowCount !== items.length) {
        const ok = new Set(reserved.rows.map((r) => textOf(r, 'address')));
        const short = items.filter((i) => !ok.has(i.address)).map((i) => i.address);
        const { rows } = await tx.query(
          `SELECT a.address, coalesce(b.payable_sats, 0) AS payable_sats
             FROM unnest($2::text[]) AS a (address)
             LEFT JOIN balances b ON b.network = $1 AND b.address = a.address
            ORDER BY a.address`,
          [plan.network, short],
        );
        rollback({
          kind: 'insufficient',
          shortfalls: rows.map((r) => ({
            address: textOf(r, 'address'),
            // Read inside the transaction after this plan's own reservations were made.
            payableSats: bigintOf(r, 'payable_sats'),
          })),
        });
      }
      return { kind: 'planned', totalSats };
    });
  }

  /** planned -> sent with the wallet's txid; the same txid again is 'already-sent'. */
  async markSent(planId: string, txid: string, atMs: number): Promise<SentOutcome> {
    return this.sql.transaction(async (tx): Promise<SentOutcome> => {
      const { rows } = await tx.query(
        'SELECT status, txid FROM payouts WHERE plan_id = $1 FOR UPDATE',
        [planId],
      );
      const row = rows[0];
      if (row === undefined) return { kind: 'not-found' };
      const status = oneOf(row, 'status', STATUSES);
      if (status === 'cancelled') return { kind: 'is-cancelled' };
      if (status === 'planned') {
        await tx.query(
          `UPDATE payouts SET status = 'sent', txid = $2, sent_ms = $3 WHERE plan_id = $1`,
          [planId, txid, atMs],
        );
        return { kind: 'sent' };
      }
      const sentAs = textOrNull(row, 'txid');
      if (sentAs !== txid) {
        throw storeError('PAYOUT_PLAN_CONFLICT', `plan ${planId} was sent as ${sentAs}`, {
          planId,
        });
      }
      return { kind: 'already-sent', status };
    });
  }

  /** sent -> confirmed: reserved amounts become paid. */
  confirm(planId: string, atMs: number): Promise<SettleOutcome> {
    return this.settle(planId, 'sent', 'confirmed', 'paid_sats', atMs);
  }

  /** planned -> cancelled, for a plan never sent: reserved amounts are payable again. */
  cancel(planId: string, atMs: number): Promise<SettleOutcome> {
    return this.settle(planId, 'planned', 'cancelled', 'payable_sats', atMs);
  }

  async get(planId: string): Promise<PayoutRecord | undefined> {
    const { rows } = await this.sql.query('SELECT * FROM payouts WHERE plan_id = $1', [planId]);
    const row = rows[0];
    return row === undefined ? undefined : payoutRecord(row, await itemsOf(this.sql, planId));
  }

  /** A network's plans of one status, oldest first (what the sender works through). */
  async list(network: string, status: PayoutStatus, limit = 1000): Promise<PayoutRecord[]> {
    const { rows } = await this.sql.query(
      `SELECT * FROM payouts WHERE network = $1 AND status = $2
        ORDER BY planned_ms, plan_id LIMIT $3`,
      [network, status, limit],
    );
    const out: PayoutRecord[] = [];
    for (const row of rows)
      out.push(payoutRecord(row, await itemsOf(this.sql, textOf(row, 'plan_id'))));
    return out;
  }

  private async settle(
    planId: string,
    from: PayoutStatus,
    to: 'confirmed' | 'cancelled',
    column: 'paid_sats' | 'payable_sats',
    atMs: number,
  ): Promise<SettleOutcome> {
    return this.sql.transaction(async (tx): Promise<SettleOutcome> => {
      const { rows } = await tx.query(
        `UPDATE payouts SET status = $3, settled_ms = $4 WHERE plan_id = $1 AND status = $2
         RETURNING network`,
        [planId, from, to, atMs],
      );
      const row = rows[0];
      if (row !== undefined) {
        await tx.query(SETTLE(column), [planId, textOf(row, 'network')]);
        return { kind: to };
      }
      const status = await tx.query('SELECT status FROM payouts WHERE plan_id = $1', [planId]);
      const current = status.rows[0];
      if (current === undefined) return { kind: 'not-found' };
      return { kind: 'unchanged', status: oneOf(current, 'status', STATUSES) };
    });
  }
}

function checkedItems(plan: PayoutPlan): PayoutItem[] {
  const items = [...plan.items].sort((a, b) => (a.address < b.address ? -1 : 1));
  const unique = new Set(items.map((i) => i.address)).size === items.length;
  if (items.length === 0 || !unique || items.some((i) => i.amountSats <= 0n)) {
    throw storeError('PAYOUT_BAD_PLAN', `plan ${plan.planId}: empty, duplicate or non-positive`, {
      planId: plan.planId,
    });
  }
  return items;
}

async function existing(
  tx: SqlExecutor,
  plan: PayoutPlan,
  items: readonly PayoutItem[],
): Promise<PlanOutcome> {
  const { rows } = await tx.query('SELECT network, status FROM payouts WHERE plan_id = $1', [
    plan.planId,
  ]);
  const row = onlyRow(rows, `payout ${plan.planId}`);
  const stored = await itemsOf(tx, plan.planId);
  const same =
    textOf(row, 'network') === plan.network &&
    stored.length === items.length &&
    stored.every(
      (s, i) => s.address === items[i]?.address && s.amountSats === items[i]?.amountSats,
    );
  if (!same) {
    throw storeError('PAYOUT_PLAN_CONFLICT', `plan ${plan.planId} exists with other contents`, {
      planId: plan.planId,
    });
  }
  return { kind: 'exists', status: oneOf(row, 'status', STATUSES) };
}

async function itemsOf(sql: SqlExecutor, planId: string): Promise<PayoutItem[]> {
  const { rows } = await sql.query(
    'SELECT address, amount_sats FROM payout_items WHERE plan_id = $1 ORDER BY address',
    [planId],
  );
  return rows.map((r) => ({
    address: textOf(r, 'address'),
    amountSats: bigintOf(r, 'amount_sats'),
  }));
}

function payoutRecord(row: SqlRow, items: readonly PayoutItem[]): PayoutRecord {
  return {
    planId: textOf(row, 'plan_id'),
    network: textOf(row, 'network'),
    items,
    status: oneOf(row, 'status', STATUSES),
    totalSats: bigintOf(row, 'total_sats'),
    txid: textOrNull(row, 'txid') ?? undefined,
    plannedMs: numberOf(row, 'planned_ms'),
    sentMs: numberOrNull(row, 'sent_ms') ?? undefined,
    settledMs: numberOrNull(row, 'settled_ms') ?? undefined,
  };
}
