import type { Migration } from './migration.js';

/**
 * The networks the pool can mine and the history of switching between them. Daemon
 * endpoints and Stratum ports are kept as configured (JSON); RPC credentials stay in the
 * config file and never reach the database.
 */
export const networks: Migration = {
  version: 1,
  name: 'networks',
  sql: `
CREATE TABLE networks (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  coin TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  daemons JSONB NOT NULL DEFAULT '[]'::jsonb,
  ports JSONB NOT NULL DEFAULT '[]'::jsonb,
  payout_scheme TEXT NOT NULL DEFAULT 'pplns' CHECK (payout_scheme IN ('pplns')),
  pplns_window_num BIGINT NOT NULL DEFAULT 2 CHECK (pplns_window_num > 0),
  pplns_window_den BIGINT NOT NULL DEFAULT 1 CHECK (pplns_window_den > 0),
  fee_bps INTEGER NOT NULL CHECK (fee_bps BETWEEN 0 AND 10000),
  min_payout_sats NUMERIC(30, 0) NOT NULL CHECK (min_payout_sats >= 0),
  maturity_depth INTEGER NOT NULL CHECK (maturity_depth >= 1),
  active BOOLEAN NOT NULL DEFAULT false,
  updated_ms BIGINT NOT NULL
);

-- Append-only: each row is one step of a switch (started, then completed or rolled back).
CREATE TABLE network_switches (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_network TEXT REFERENCES networks (id),
  to_network TEXT NOT NULL REFERENCES networks (id),
  phase TEXT NOT NULL CHECK (phase IN ('started', 'completed', 'rolled-back')),
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX network_switches_at ON network_switches (at_ms, id);
`,
};
