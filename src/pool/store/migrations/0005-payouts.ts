import type { Migration } from './migration.js';

/**
 * Payouts are written as a plan before any coin moves (planned), then marked sent with the
 * wallet's txid, then confirmed; a plan never sent can be cancelled. The plan id is chosen by
 * the planner and is the primary key, so writing the same plan twice is a no-op, never a
 * second payment.
 */
export const payouts: Migration = {
  version: 5,
  name: 'payouts',
  sql: `
CREATE TABLE payouts (
  plan_id TEXT PRIMARY KEY CHECK (length(plan_id) BETWEEN 1 AND 128),
  network TEXT NOT NULL REFERENCES networks (id),
  status TEXT NOT NULL CHECK (status IN ('planned', 'sent', 'confirmed', 'cancelled')),
  total_sats NUMERIC(30, 0) NOT NULL CHECK (total_sats > 0),
  txid TEXT,
  planned_ms BIGINT NOT NULL,
  sent_ms BIGINT,
  settled_ms BIGINT,
  CHECK ((status IN ('sent', 'confirmed')) = (txid IS NOT NULL))
);
CREATE INDEX payouts_network_status ON payouts (network, status);

CREATE TABLE payout_items (
  plan_id TEXT NOT NULL REFERENCES payouts (plan_id),
  address TEXT NOT NULL,
  amount_sats NUMERIC(30, 0) NOT NULL CHECK (amount_sats > 0),
  PRIMARY KEY (plan_id, address)
);
`,
};
