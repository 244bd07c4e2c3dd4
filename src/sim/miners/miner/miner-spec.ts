import type { Rng, Scheduler } from '../../../runtime/index.js';
import type { Behaviour, FoundShare } from '../behaviours/types.js';
import type { Connector } from '../client/connector.js';
import type { HardwareProfile } from '../profiles/types.js';
import type { ConnectFailure, LineRecord, ShareRecord } from '../truth/records.js';
import type { HeaderHasher } from '../work/grind.js';
import type { GrindMeter } from './grind-meter.js';
import type { JobBoard } from './job-board.js';

/** One virtual miner: which hardware, how fast this unit is, who it mines for, how it behaves. */
export interface MinerSpec {
  readonly id: string;
  readonly profile: HardwareProfile;
  /** Nominal hashrate of this unit (after the profile's spread and the farm's scale), H/s. */
  readonly hashrate: number;
  /** Multiplies the difficulties the profile names (suggestions, hardware minimum). */
  readonly difficultyScale: number;
  /** `address.worker`. */
  readonly username: string;
  readonly password: string;
  readonly behaviour: Behaviour;
}

export interface GrindLimits {
  /** Hashes ground in one go before the miner yields to the event loop. */
  readonly hashesPerSlice: number;
  /** A share that would take more hashes is given up and counted (saturation). */
  readonly maxHashesPerShare: number;
}

export const DEFAULT_GRIND_LIMITS: GrindLimits = {
  hashesPerSlice: 20_000,
  maxHashesPerShare: 1 << 24,
};

/** Where a miner's records go as they happen (farm metrics). */
export interface MinerObserver {
  share(record: ShareRecord): void;
  line(record: LineRecord): void;
  /**
   * How late grinding delivered a share after the share clock found it (scenario ms); a
   * behaviour's own delays (a slow link) are not lag.
   */
  lag(ms: number): void;
  /**
   * An honest share not sent: a clean notify had invalidated its job by the time it would
   * have gone out (what cgminer counts as a discarded stale share).
   */
  discarded(share: FoundShare): void;
  /** A connection attempt failed before any session (refused, unreachable). */
  connectFailed(failure: ConnectFailure): void;
  /** A session ended: who ended it (the miner's side is the farm) and why. */
  closed(by: 'pool' | 'miner', cause: string): void;
}

export interface MinerDeps {
  readonly connector: Connector;
  readonly scheduler: Scheduler;
  /** This miner's own stream (forked from the farm's seed by miner id). */
  readonly rng: Rng;
  readonly pow: { readonly diff1Target: bigint; readonly hashHeader: HeaderHasher };
  /** Latency is measured on it: monotonic in wall runs, the virtual clock otherwise. */
  readonly latencyClock: () => number;
  readonly meter: GrindMeter;
  readonly limits: GrindLimits;
  readonly board: JobBoard;
  readonly observer: MinerObserver;
  /** Keep every record (ground truth); off for long wall runs that only want metrics. */
  readonly keepTruth: boolean;
}
