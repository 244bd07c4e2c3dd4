export { openStore, storeOver, type Store, type StoreOptions } from './store.js';
export { STORE_ERROR_CODES, type StoreErrorCode } from './store-errors.js';
export type {
  SqlClient,
  SqlExecutor,
  SqlResult,
  SqlRow,
  SqlAdapterKind,
} from './sql/sql-client.js';
export { createPgClient, type PgClientOptions } from './sql/pg-client.js';
export { createPgliteClient, type PgliteClientOptions } from './sql/pglite-client.js';
export {
  MIGRATIONS,
  migrate,
  describeSchema,
  type Migration,
  type MigrationReport,
  type SchemaShape,
} from './migrations/index.js';
export {
  ShareLedger,
  type AckMode,
  type ShareLedgerOptions,
  type ShareLedgerStats,
} from './ledger/share-ledger.js';
export { ShareLog } from './ledger/share-log.js';
export {
  collectWindow,
  readPplnsWindow,
  type PplnsWindow,
  type WindowReadOptions,
} from './ledger/pplns-window.js';
export {
  sharesNewestFirst,
  type ShareWork,
  type NewestFirstOptions,
} from './ledger/share-reader.js';
export { pruneShares, type PruneOptions, type PruneOutcome } from './ledger/share-pruning.js';
export {
  BlockRepository,
  type BlockRecord,
  type BlockRound,
  type BlockStatus,
  type NewBlock,
  type CreditOutcome,
  type ConfirmOutcome,
  type OrphanOutcome,
} from './books/block-repository.js';
export { BalanceRepository, type Balance } from './books/balance-repository.js';
export {
  PayoutRepository,
  type PayoutItem,
  type PayoutPlan,
  type PayoutRecord,
  type PayoutStatus,
  type PlanOutcome,
  type SentOutcome,
  type SettleOutcome,
} from './books/payout-repository.js';
export {
  NetworkRepository,
  type NetworkConfig,
  type NetworkRecord,
  type DaemonEndpoint,
  type StratumPort,
  type PayoutSettings,
} from './books/network-repository.js';
export {
  NetworkSwitchLog,
  type NetworkSwitch,
  type NetworkSwitchRecord,
  type SwitchPhase,
} from './books/network-switches.js';
export { AuditLog, type AuditEntry, type AuditRecord } from './books/audit-log.js';
export type { JsonValue } from './books/json.js';
export type {
  LiveState,
  WorkerRef,
  RateWindow,
  RateDecision,
  JobHandler,
  Unsubscribe,
  HashrateBuckets,
} from './live/live-state.js';
export { MemoryLiveState, MemoryLiveData } from './live/memory-live-state.js';
export { RedisLiveState, type RedisLiveStateOptions } from './live/redis-live-state.js';
export { hashesPerSecond } from './live/buckets.js';
