export { BEHAVIOURS, findBehaviour } from './behaviours/catalogue.js';
export { judgeBehaviour, type BehaviourVerdict } from './behaviours/verdict.js';
export type {
  Behaviour,
  BehaviourClass,
  BehaviourHooks,
  ExpectedResponse,
  FoundShare,
  MinerContext,
  TruthSignal,
} from './behaviours/types.js';
export { PROFILES, findProfile, CPU_GENERIC } from './profiles/catalogue.js';
export type { HardwareProfile, HashrateSpec, DeviceKind } from './profiles/types.js';
export { StratumClient, type ClientListener, type Answered } from './client/stratum-client.js';
export type { ClientOptions } from './client/client-options.js';
export {
  memoryConnector,
  tcpConnector,
  type Connector,
  type AttachPoolEnd,
  type TcpTarget,
} from './client/connector.js';
export type { ReconnectPolicy } from './client/backoff.js';
export type { RequestIdPolicy } from './client/request-ids.js';
export type { DifficultyTiming } from './client/work-state.js';
export { VirtualMiner } from './miner/virtual-miner.js';
export {
  DEFAULT_GRIND_LIMITS,
  type GrindLimits,
  type MinerDeps,
  type MinerObserver,
  type MinerSpec,
} from './miner/miner-spec.js';
export { GrindMeter } from './miner/grind-meter.js';
export { JobBoard } from './miner/job-board.js';
export type { GroundTruth } from './truth/ground-truth.js';
export type {
  ConnectFailure,
  LineRecord,
  SessionRecord,
  ShareAnswer,
  ShareRecord,
} from './truth/records.js';
export { Farm, type FarmDeps } from './farm/farm.js';
export { farmSpec, farmSpecSchema, type FarmSpec, type FarmSpecInput } from './farm/farm-spec.js';
export { minerSpecs } from './farm/miner-specs.js';
export { farmReport, type FarmReport, type Fidelity, type Saturation } from './farm/farm-report.js';
export type { MetricsSnapshot } from './farm/farm-metrics.js';
export type { LatencySummary } from './farm/latency-histogram.js';
export {
  startWallFarm,
  sourceAddress,
  type WallFarm,
  type WallFarmOptions,
} from './farm/wall-farm.js';
export { WorkerFarm, type WorkerFarmOptions } from './farm/worker-farm.js';
export { planCapacity, measureHashRate, type CapacityPlan } from './farm/capacity.js';
export { formatFarmReport, si } from './farm/format-report.js';
export { formatCatalogue } from './farm/format-catalogue.js';
export { minerCatalogue } from './catalogue-ids.js';
