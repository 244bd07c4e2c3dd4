import { networks } from './0001-networks.js';
import { minersWorkers } from './0002-miners-workers.js';
import { shares } from './0003-shares.js';
import { blocksCreditsBalances } from './0004-blocks-credits-balances.js';
import { payouts } from './0005-payouts.js';
import { auditLog } from './0006-audit-log.js';
import { operators } from './0007-operators.js';
import type { Migration } from './migration.js';

/** Every migration, in the order it applies. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  networks,
  minersWorkers,
  shares,
  blocksCreditsBalances,
  payouts,
  auditLog,
  operators,
];

export { migrate, type MigrationReport } from './migrate.js';
export { describeSchema, type SchemaShape } from './schema-shape.js';
export type { Migration } from './migration.js';
