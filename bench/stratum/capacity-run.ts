import type { FdLimit, StallTotals } from './protocol.js';

/** What one capacity run measured, phase by phase; absent phases did not complete. */

/** The machine's 1-minute load average as a phase began and ended. */
export interface LoadSpan {
  readonly start: number;
  readonly end: number;
}

export interface ConnectOutcome {
  readonly requested: number;
  /** Handshakes the generators completed (subscribe, authorize, set_difficulty, notify). */
  readonly generatorsOpen: number;
  /** Sessions the pool process held at the end of the phase. */
  readonly serverConnections: number;
  readonly serverOpenFds: number;
  readonly failures: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
}

export interface MemoryOutcome {
  readonly baseConnections: number;
  readonly fullConnections: number;
  readonly rssDeltaBytes: number;
  /** heapUsed + external (which counts ArrayBuffers and Buffers). */
  readonly heapDeltaBytes: number;
  readonly fullRssBytes: number;
}

export interface LatencyOutcome {
  readonly miners: number;
  readonly periodMs: number;
  readonly durationMs: number;
  readonly sent: number;
  readonly recorded: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly unanswered: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  readonly generatorMaxLagMs: number;
  readonly generatorP99LagMs: number;
  /** The pool's own event-loop delay over the phase (see ServerStats). */
  readonly poolLoopDelayP99Ms: number;
  readonly poolLoopDelayMaxMs: number;
  readonly poolSweep: StallTotals;
  readonly poolSweepCpu: StallTotals;
  readonly poolGc: StallTotals;
  readonly loadAverage: LoadSpan;
  readonly firstRejection: string | undefined;
}

export interface FloodOutcome {
  readonly label: string;
  readonly connections: number;
  readonly depth: number;
  readonly batch: number;
  readonly windowMs: number;
  /** Replies `true` the generators counted in the window, per second. */
  readonly acceptedPerSecond: number;
  readonly rejected: number;
  /** The pool's own count of accepted shares over (about) the same window, per second. */
  readonly serverAcceptedPerSecond: number;
  /** Pool process CPU over the window: 100 is one core. */
  readonly serverCpuPercent: number;
  /** The part of serverCpuPercent spent in the kernel. */
  readonly serverSystemCpuPercent: number;
  /** All generators' CPU over the window: 100 is one core. */
  readonly generatorCpuPercent: number;
  readonly loadAverage: LoadSpan;
  readonly firstRejection: string | undefined;
}

export interface RunOptions {
  readonly connections: number;
  readonly generators: number;
  readonly latencyMiners: number;
  readonly periodMs: number;
  readonly pacedMs: number;
  readonly floodMs: number;
  readonly warmupMs: number;
}

export interface CapacityRun {
  readonly options: RunOptions;
  fdLimits: { readonly server?: FdLimit; readonly generators: readonly FdLimit[] };
  connect?: ConnectOutcome;
  memory?: MemoryOutcome;
  latency?: LatencyOutcome;
  readonly floods: FloodOutcome[];
  readonly errors: string[];
}
