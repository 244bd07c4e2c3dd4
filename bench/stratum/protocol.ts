/**
 * Messages between the capacity run's coordinator (run.ts) and its children over the
 * child_process IPC channel: the pool process (server-main.ts) and the load generators
 * (generator-main.ts). Every command gets exactly one reply, or `failed`.
 */

export interface StallTotals {
  readonly maxMs: number;
  readonly totalMs: number;
  readonly count: number;
}

export interface FdLimit {
  readonly soft: number | undefined;
  readonly hard: number | undefined;
}

export type ServerCommand =
  { readonly kind: 'memory' } | { readonly kind: 'stats' } | { readonly kind: 'shutdown' };

export interface MemoryReading {
  readonly kind: 'memory';
  readonly connections: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly externalBytes: number;
  readonly arrayBuffersBytes: number;
}

export interface ServerStats {
  readonly kind: 'stats';
  readonly connections: number;
  readonly openFds: number;
  readonly sharesAccepted: number;
  readonly sharesRejected: number;
  readonly refusedFull: number;
  /** process.cpuUsage(), microseconds: in all, and in the kernel (socket reads and writes). */
  readonly cpuUs: number;
  readonly cpuSystemUs: number;
  readonly atMs: number;
  /**
   * The pool's event-loop delay since the previous stats reply: how long a line that
   * arrived could have waited for the pool's one thread.
   */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** The pool's sweeps and garbage collections since the previous stats reply. */
  readonly sweep: StallTotals;
  readonly sweepCpu: StallTotals;
  readonly gc: StallTotals;
}

export type ServerReply =
  | { readonly kind: 'listening'; readonly port: number; readonly fdLimit: FdLimit }
  | MemoryReading
  | ServerStats
  | { readonly kind: 'closed' }
  | { readonly kind: 'failed'; readonly message: string };

export interface ConnectCommand {
  readonly kind: 'connect';
  readonly port: number;
  /** Connections to have open when done (more are added to those already open). */
  readonly total: number;
  /** Handshakes in flight at once: the listen backlog (somaxconn) must not overflow. */
  readonly concurrency: number;
  readonly deadlineMs: number;
}

export interface PacedCommand {
  readonly kind: 'paced';
  /** Each connection submits once per period, the connections spread evenly over it. */
  readonly periodMs: number;
  readonly durationMs: number;
  /** Replies to submits sent before this are not recorded. */
  readonly warmupMs: number;
}

export interface FloodCommand {
  readonly kind: 'flood';
  /** Connections that submit; the first ones of those open. */
  readonly connections: number;
  /** Submits each connection keeps unanswered at most (a closed loop). */
  readonly depth: number;
  /** Submit lines per write: 1 is one share per packet. */
  readonly batch: number;
  readonly durationMs: number;
  readonly warmupMs: number;
}

export type GeneratorCommand =
  | ConnectCommand
  | { readonly kind: 'drop'; readonly keep: number }
  | PacedCommand
  | FloodCommand
  | { readonly kind: 'close' };

export interface ConnectResult {
  readonly kind: 'connected';
  readonly open: number;
  readonly failed: number;
  /** The first few distinct reasons connections failed, with counts. */
  readonly failures: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
}

export interface PacedResult {
  readonly kind: 'paced-done';
  /** hdr-histogram of submit-to-reply latency in microseconds, compressed base64. */
  readonly histogram: string;
  readonly sent: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly unanswered: number;
  /** How late the generator sent, at worst and at p99: a busy generator delays submits. */
  readonly maxLagMs: number;
  readonly p99LagMs: number;
  readonly firstRejection: string | undefined;
}

export interface FloodResult {
  readonly kind: 'flood-done';
  /** Replies `true` received inside the measured window. */
  readonly accepted: number;
  readonly rejected: number;
  readonly windowMs: number;
  readonly firstRejection: string | undefined;
  /** Generator CPU time in the window, microseconds: is the generator the bottleneck? */
  readonly cpuUs: number;
}

export type GeneratorReply =
  | { readonly kind: 'ready'; readonly fdLimit: FdLimit }
  | ConnectResult
  | { readonly kind: 'dropped'; readonly open: number }
  | PacedResult
  | FloodResult
  | { readonly kind: 'closed' }
  | { readonly kind: 'failed'; readonly message: string };

/** The kind of an IPC message, or undefined for anything else. */
export function kindOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const kind = (message as { kind?: unknown }).kind;
  return typeof kind === 'string' ? kind : undefined;
}
