import type { Migration } from './migration.js';

/**
 * Who has mined on each network. The share ledger keeps these rows as it writes shares;
 * last_seen_ms is coarse (see ledger/seen-cache.ts) so busy workers do not rewrite their
 * row on every flush. Live "online" status is in LiveState, not here.
 */
export const minersWorkers: Migration = {
  version: 2,
  name: 'miners-workers',
  sql: `
CREATE TABLE miners (
  network TEXT NOT NULL,
  address TEXT NOT NULL,
  first_seen_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  PRIMARY KEY (network, address)
);

CREATE TABLE workers (
  network TEXT NOT NULL,
  address TEXT NOT NULL,
  name TEXT NOT NULL,
  first_seen_ms BIGINT NOT NULL,
  last_seen_ms BIGINT NOT NULL,
  PRIMARY KEY (network, address, name),
  FOREIGN KEY (network, address) REFERENCES miners (network, address)
);
`,
};
