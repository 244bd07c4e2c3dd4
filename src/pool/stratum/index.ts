export * from './codec/index.js';
export {
  createStratumServer,
  StratumServer,
  type AttachResult,
  type ShutdownOptions,
  type StratumServerDeps,
} from './server.js';
export type { PeerInfo } from './connection.js';
export { createDuplexPair, type DuplexPairOptions } from './memory-duplex.js';
export {
  stratumConfig,
  stratumConfigSchema,
  type ServerLimits,
  type SessionPolicy,
  type StratumConfig,
  type StratumConfigInput,
} from './config.js';
export {
  createExtranonceAllocator,
  type ExtranonceAllocatorOptions,
} from './extranonce-allocator.js';
export type {
  AcceptedShare,
  BlockCandidate,
  ExtranonceAllocator,
  ExtranonceLease,
  LoginCheck,
  LoginValidator,
  RejectedShare,
  ShareRejectReason,
  ShareSink,
} from './ports.js';
export { StratumSession, type SessionPhase } from './session.js';
export type { SessionDeps } from './session-deps.js';
export type { WorkerLogin } from './session-workers.js';
export { CLOSE_REASONS, type CloseReason, type SessionAction } from './session-actions.js';
export { newStratumCounters, type CountersSnapshot, type StratumCounters } from './counters.js';
export { REDACTED_PATHS } from './logging.js';
