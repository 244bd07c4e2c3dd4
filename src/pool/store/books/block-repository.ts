import type { PplnsCredit, PplnsSplit } from '../../core/payouts/split.js';
import { bigintOf, bigintOrNull, numberOf, numberOrNull, oneOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlExecutor, SqlRow } from '../sql/sql-client.js';
import { storeError } from '../store-errors.js';

const STATUSES = ['pending', 'confirmed', 'orphaned'] as const;
export type BlockStatus = (typeof STATUSES)[number];

/** A block the daemon accepted from one of the pool's miners. */
export interface NewBlock {
  readonly network: string;
  /** Block hash as 64 hex digits, display order. */
  readonly hash: string;
  readonly height: number;
  readonly rewardSats: bigint;
  readonly foundByAddress: string;
  readonly foundByWorker: string;
  readonly foundMs: number;
}

/** The PPLNS round a block pays: set once, with its credits. */
export interface BlockRound {
  /** The newest share of the window (the block's share). */
  readonly endShareId: bigint;
  /** Work in the window. */
  readonly work: bigint;
  readonly feeSats: bigint;
  readonly creditedMs: number;
}

export interface BlockRecord extends NewBlock {
  readonly status: BlockStatus;
  readonly statusMs: number;
  readonly round: BlockRound | undefined;
}

export type CreditOutcome =
  | { readonly kind: 'credited'; readonly credits: number; readonly into: 'immature' | 'payable' }
  | { readonly kind: 'already-credited' }
  | { readonly kind: 'is-orphaned' }
  | { readonly kind: 'not-found' };

export type ConfirmOutcome =
  | { readonly kind: 'confirmed'; readonly maturedSats: bigint }
  | { readonly kind: 'already-confirmed' }
  | { readonly kind: 'is-orphaned' }
  | { readonly kind: 'not-found' };

export type OrphanOutcome =
  | { readonly kind: 'orphaned'; readonly reversedSats: bigint }
  | { readonly kind: 'already-orphaned' }
  | { readonly kind: 'is-confirmed' }
  | { readonly kind: 'not-found' };

const LOCK = 'SELECT * FROM blocks WHERE network = $1 AND hash = $2 FOR UPDATE';

// Balances are touched in account order so two transactions never wait on each other.
const ADD_TO_BALANCES = (column: 'immature_sats' | 'payable_sats') => `
INSERT INTO balances (network, address, ${column})
SELECT $1, address, amount FROM unnest($2::text[], $3::numeric[]) AS c (address, amount)
 ORDER BY address
ON CONFLICT (network, address) DO UPDATE SET ${column} = balances.${column} + EXCLUDED.${column}`;

const MATURE = `
UPDATE balances b SET immature_sats = b.immature_sats - c.amount_sats,
                      payable_sats = b.payable_sats + c.amount_sats
  FROM credits c
 WHERE c.network = $1 AND c.block_hash = $2 AND b.network = c.network AND b.address = c.address
RETURNING c.amount_sats`;

const REVERSE = `
UPDATE balances b SET immature_sats = b.immature_sats - c.amount_sats
  FROM credits c
 WHERE c.network = $1 AND c.block_hash = $2 AND b.network = c.network AND b.address = c.address
RETURNING c.amount_sats`;

/**
 * Found blocks and their credits. Each method is one transaction that locks the block's row
 * first, so a credit, a confirmation and an orphaning of one block never interleave; the
 * balance moves they make are listed in migrations/0004.
 */
export class BlockRepository {
  constructor(private readonly sql: SqlClient) {}

  /** Records a pending block; a second call for the same block changes nothing. */
  async recordFound(block: NewBlock): Promise<'recorded' | 'exists'> {
    const { rowCount } = await this.sql.query(
      `INSERT INTO blocks (network, hash, height, reward_sats, found_by_address, found_by_worker,
                           found_ms, status, status_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $7)
       ON CONFLICT (network, hash) DO NOTHING`,
      [
        block.network,
        block.hash,
        block.height,
        block.rewardSats,
        block.foundByAddress,
        block.foundByWorker,
        block.foundMs,
      ],
    );
    return rowCount === 1 ? 'recorded' : 'exists';
  }

  /**
   * Writes the block's credits and its round in one transaction: pending blocks credit
   * immature balances, confirmed ones payable balances. Throws BLOCK_SPLIT_MISMATCH unless
   * credits + fee == reward with positive credits, one per account.
   */
  async credit(
    network: string,
    hash: string,
    round: { readonly split: PplnsSplit; readonly endShareId: bigint; readonly work: bigint },
    atMs: number,
  ): Promise<CreditOutcome> {
    return this.sql.transaction(async (tx) => {
      const block = await lock(tx, network, hash);
      if (block === undefined) return { kind: 'not-found' };
      if (block.round !== undefined) return { kind: 'already-credited' };
      if (block.status === 'orphaned') return { kind: 'is-orphaned' };
      const credits = checkedCredits(round.split, block);
      if (credits.length > 0) {
        const addresses = credits.map((c) => c.account);
        const amounts = credits.map((c) => c.amountSats);
        await tx.query(
          `INSERT INTO credits (network, block_hash, address, amount_sats)
           SELECT $1, $2, address, amount FROM unnest($3::text[], $4::numeric[]) AS c (address, amount)`,
          [network, hash, addresses, amounts],
        );
        const column = block.status === 'confirmed' ? 'payable_sats' : 'immature_sats';
        await tx.query(ADD_TO_BALANCES(column), [network, addresses, amounts]);
      }
      await tx.query(
        `UPDATE blocks SET round_end_share_id = $3, round_work = $4, fee_sats = $5, credited_ms = $6
          WHERE network = $1 AND hash = $2`,
        [network, hash, round.endShareId, round.work, round.split.feeSats, atMs],
      );
      const into = block.status === 'confirmed' ? 'payable' : 'immature';
      return { kind: 'credited', credits: credits.length, into };
    });
  }

  /** pending -> confirmed; credited amounts move from immature to payable. */
  async confirm(network: string, hash: string, atMs: number): Promise<ConfirmOutcome> {
    return this.sql.transaction(async (tx) => {
      const block = await lock(tx, network, hash);
      if (block === undefined) return { kind: 'not-found' };
      if (block.status === 'confirmed') return { kind: 'already-confirmed' };
      if (block.status === 'orphaned') return { kind: 'is-orphaned' };
      await setStatus(tx, network, hash, 'confirmed', atMs);
      const { rows } = await tx.query(MATURE, [network, hash]);
      return { kind: 'confirmed', maturedSats: sum(rows) };
    });
  }

  /** pending -> orphaned; credited amounts are taken back from immature balances. */
  async orphan(network: string, hash: string, atMs: number): Promise<OrphanOutcome> {
    return this.sql.transaction(async (tx) => {
      const block = await lock(tx, network, hash);
      if (block === undefined) return { kind: 'not-found' };
      if (block.status === 'orphaned') return { kind: 'already-orphaned' };
      if (block.status === 'confirmed') return { kind: 'is-confirmed' };
      await setStatus(tx, network, hash, 'orphaned', atMs);
      const { rows } = await tx.query(REVERSE, [network, hash]);
      return { kind: 'orphaned', reversedSats: sum(rows) };
    });
  }

  async get(network: string, hash: string): Promise<BlockRecord | undefined> {
    const { rows } = await this.sql.query('SELECT * FROM blocks WHERE network = $1 AND hash = $2', [
      network,
      hash,
    ]);
    return rows[0] === undefined ? undefined : blockRecord(rows[0]);
  }

  /** A network's blocks, newest (highest) first, optionally of one status. */
  async list(network: string, status?: BlockStatus, limit = 1000): Promise<BlockRecord[]> {
    const { rows } = await this.sql.query(
      `SELECT * FROM blocks WHERE network = $1 AND ($2::text IS NULL OR status = $2)
        ORDER BY height DESC, hash LIMIT $3`,
      [network, status ?? null, limit],
    );
    return rows.map(blockRecord);
  }

  /** The credits written for a block, by account. */
  async credits(network: string, hash: string): Promise<PplnsCredit[]> {
    const { rows } = await this.sql.query(
      `SELECT address, amount_sats FROM credits WHERE network = $1 AND block_hash = $2
        ORDER BY address`,
      [network, hash],
    );
    return rows.map((r) => ({
      account: textOf(r, 'address'),
      amountSats: bigintOf(r, 'amount_sats'),
    }));
  }
}

async function lock(
  tx: SqlExecutor,
  network: string,
  hash: string,
): Promise<BlockRecord | undefined> {
  const { rows } = await tx.query(LOCK, [network, hash]);
  return rows[0] === undefined ? undefined : blockRecord(rows[0]);
}

async function setStatus(
  tx: SqlExecutor,
  network: string,
  hash: string,
  status: BlockStatus,
  atMs: number,
): Promise<void> {
  await tx.query('UPDATE blocks SET status = $3, status_ms = $4 WHERE network = $1 AND hash = $2', [
    network,
    hash,
    status,
    atMs,
  ]);
}

function checkedCredits(split: PplnsSplit, block: BlockRecord): PplnsCredit[] {
  const credits = [...split.credits].sort((a, b) => (a.account < b.account ? -1 : 1));
  const total = credits.reduce((s, c) => s + c.amountSats, split.feeSats);
  const accounts = new Set(credits.map((c) => c.account));
  const bad =
    total !== block.rewardSats ||
    split.feeSats < 0n ||
    accounts.size !== credits.length ||
    credits.some((c) => c.amountSats <= 0n);
  if (bad) {
    throw storeError(
      'BLOCK_SPLIT_MISMATCH',
      `credits + fee = ${total}, reward ${block.rewardSats} (block ${block.hash})`,
      { network: block.network, hash: block.hash },
    );
  }
  return credits;
}

function sum(rows: readonly SqlRow[]): bigint {
  return rows.reduce((s, r) => s + bigintOf(r, 'amount_sats'), 0n);
}

function blockRecord(row: SqlRow): BlockRecord {
  const creditedMs = numberOrNull(row, 'credited_ms');
  const endShareId = bigintOrNull(row, 'round_end_share_id');
  const work = bigintOrNull(row, 'round_work');
  const feeSats = bigintOrNull(row, 'fee_sats');
  return {
    network: textOf(row, 'network'),
    hash: textOf(row, 'hash'),
    height: numberOf(row, 'height'),
    rewardSats: bigintOf(row, 'reward_sats'),
    foundByAddress: textOf(row, 'found_by_address'),
    foundByWorker: textOf(row, 'found_by_worker'),
    foundMs: numberOf(row, 'found_ms'),
    status: oneOf(row, 'status', STATUSES),
    statusMs: numberOf(row, 'status_ms'),
    round:
      creditedMs === null || endShareId === null || work === null || feeSats === null
        ? undefined
        : { endShareId, work, feeSats, creditedMs },
  };
}
