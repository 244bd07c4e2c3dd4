import type { Migration } from './migration.js';

/**
 * Found blocks, the PPLNS credits of each, and the balances they add up to.
 *
 * A block's round (round_end_share_id, round_work, fee_sats, credited_ms) is set once, in the
 * same transaction that writes its credits, so a block has either all its credits or none.
 * Balances move between columns and never lose a unit:
 *   credit (block pending)    -> immature
 *   credit (block confirmed)  -> payable, or immature -> payable when it confirms
 *   orphaned                  -> immature is taken back
 *   payout planned            -> payable -> reserved
 *   payout confirmed          -> reserved -> paid; cancelled: reserved -> payable
 * so for every address, credits of blocks not orphaned = immature + payable + reserved + paid.
 */
export const blocksCreditsBalances: Migration = {
  version: 4,
  name: 'blocks-credits-balances',
  sql: `
CREATE TABLE blocks (
  network TEXT NOT NULL REFERENCES networks (id),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  height BIGINT NOT NULL CHECK (height >= 0),
  reward_sats NUMERIC(30, 0) NOT NULL CHECK (reward_sats >= 0),
  found_by_address TEXT NOT NULL,
  found_by_worker TEXT NOT NULL,
  found_ms BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'orphaned')),
  status_ms BIGINT NOT NULL,
  round_end_share_id BIGINT,
  round_work NUMERIC(78, 0),
  fee_sats NUMERIC(30, 0),
  credited_ms BIGINT,
  PRIMARY KEY (network, hash),
  CHECK (
    (credited_ms IS NULL AND fee_sats IS NULL AND round_work IS NULL)
    OR (credited_ms IS NOT NULL AND fee_sats IS NOT NULL AND round_work IS NOT NULL)
  )
);
CREATE INDEX blocks_network_status ON blocks (network, status, height);

CREATE TABLE credits (
  network TEXT NOT NULL,
  block_hash TEXT NOT NULL,
  address TEXT NOT NULL,
  amount_sats NUMERIC(30, 0) NOT NULL CHECK (amount_sats > 0),
  PRIMARY KEY (network, block_hash, address),
  FOREIGN KEY (network, block_hash) REFERENCES blocks (network, hash)
);

CREATE TABLE balances (
  network TEXT NOT NULL REFERENCES networks (id),
  address TEXT NOT NULL,
  immature_sats NUMERIC(30, 0) NOT NULL DEFAULT 0 CHECK (immature_sats >= 0),
  payable_sats NUMERIC(30, 0) NOT NULL DEFAULT 0 CHECK (payable_sats >= 0),
  reserved_sats NUMERIC(30, 0) NOT NULL DEFAULT 0 CHECK (reserved_sats >= 0),
  paid_sats NUMERIC(30, 0) NOT NULL DEFAULT 0 CHECK (paid_sats >= 0),
  PRIMARY KEY (network, address)
);
`,
};
