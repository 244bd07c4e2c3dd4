import { ChimeraError } from '../../errors.js';

/**
 * Every code the store throws, with what it means. All are bugs or unusable conditions (a
 * database that is down, a schema that does not match the code): an insufficient balance,
 * a block that is already orphaned or a payout plan seen twice are values, never these.
 */
export const STORE_ERROR_CODES = {
  STORE_CONFIG:
    'The store was configured wrongly: both a database URL and a data directory, a bad schema name, a bad option.',
  STORE_ROW_SHAPE:
    'A row came back without a column the code reads, or with a type it cannot take exactly (an int8 as a float).',
  STORE_MIGRATION_ORDER: 'The migrations in the code are not numbered 1, 2, 3... in order.',
  STORE_MIGRATION_CHANGED:
    'A migration that the database has applied differs from the one in the code: never edit an applied migration, add one.',
  STORE_MIGRATION_UNKNOWN:
    'The database has applied a migration this code does not know: it is older than the database.',
  LEDGER_BAD_SHARE:
    'A share handed to the ledger is impossible (work <= 0, hash beyond 256 bits, unknown verdict): a caller bug.',
  LEDGER_CLOSED: 'A share was recorded after the ledger was closed.',
  LEDGER_OVERLOADED:
    'The ledger queue is full: the database has not kept up (or is down) and no more shares can be held.',
  LEDGER_WRITE_FAILED:
    'The transaction that held a batch of shares failed; none of that batch was stored.',
  BLOCK_SPLIT_MISMATCH:
    'A block credit whose credits plus fee do not add up to the block reward: a bug in the caller.',
  PAYOUT_PLAN_CONFLICT:
    'A payout plan id was reused for different contents, or a sent payout was marked with another txid.',
  PAYOUT_BAD_PLAN: 'A payout plan with no items, a non-positive amount or an address twice.',
  LIVE_BAD_INPUT:
    'Live state was asked something impossible (work < 0 or beyond 120 bits, a non-positive window or limit).',
} as const;

export type StoreErrorCode = keyof typeof STORE_ERROR_CODES;

export function storeError(
  code: StoreErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}
