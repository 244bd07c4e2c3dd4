import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ConnectOutcome, FloodOutcome, LatencyOutcome } from './capacity-run.js';
import type { ChildLink } from './child-process.js';
import { mergeEncoded, percentileMs } from './latency-histogram.js';
import type {
  ConnectResult,
  GeneratorCommand,
  GeneratorReply,
  MemoryReading,
  ServerCommand,
  ServerReply,
  ServerStats,
} from './protocol.js';

/** The coordinator's side of each phase: commands to the children, figures back. */

export type ServerLink = ChildLink<ServerCommand, ServerReply>;
export type GeneratorLink = ChildLink<GeneratorCommand, GeneratorReply>;

export interface Children {
  readonly server: ServerLink;
  readonly generators: readonly GeneratorLink[];
}

const REPLY_SLACK_MS = 30_000;

function load1m(): number {
  return loadavg()[0] ?? 0;
}

/** `total` split into `parts` near-equal whole shares. */
export function split(total: number, parts: number): number[] {
  return Array.from(
    { length: parts },
    (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0),
  );
}

export function serverStats(c: Children): Promise<ServerStats> {
  return c.server.request({ kind: 'stats' }, 'stats', REPLY_SLACK_MS);
}

export function serverMemory(c: Children): Promise<MemoryReading> {
  return c.server.request({ kind: 'memory' }, 'memory', REPLY_SLACK_MS);
}

export async function connectTo(
  c: Children,
  port: number,
  total: number,
  deadlineMs: number,
): Promise<ConnectOutcome> {
  const started = performance.now();
  const results: ConnectResult[] = await Promise.all(
    split(total, c.generators.length).map((share, i) =>
      c.generators[i]!.request(
        { kind: 'connect', port, total: share, concurrency: 128, deadlineMs },
        'connected',
        deadlineMs + REPLY_SLACK_MS,
      ),
    ),
  );
  const stats = await serverStats(c);
  const failures: Record<string, number> = {};
  for (const r of results) {
    for (const [reason, n] of Object.entries(r.failures))
      failures[reason] = (failures[reason] ?? 0) + n;
  }
  return {
    requested: total,
    generatorsOpen: results.reduce((sum, r) => sum + r.open, 0),
    serverConnections: stats.connections,
    serverOpenFds: stats.openFds,
    failures,
    elapsedMs: performance.now() - started,
  };
}

/** Leaves `keep` miners open and waits (bounded) until the pool has seen the others go. */
export async function dropTo(c: Children, keep: number): Promise<number> {
  const opened = await Promise.all(
    split(keep, c.generators.length).map((share, i) =>
      c.generators[i]!.request({ kind: 'drop', keep: share }, 'dropped', REPLY_SLACK_MS),
    ),
  );
  const open = opened.reduce((sum, r) => sum + r.open, 0);
  for (let i = 0; i < 100; i++) {
    if ((await serverStats(c)).connections <= open) break;
    await sleep(100);
  }
  return open;
}

export async function pacedLatency(
  c: Children,
  miners: number,
  periodMs: number,
  durationMs: number,
  warmupMs: number,
): Promise<LatencyOutcome> {
  const loadStart = load1m();
  await serverStats(c);
  const results = await Promise.all(
    c.generators.map((g) =>
      g.request(
        { kind: 'paced', periodMs, durationMs, warmupMs },
        'paced-done',
        durationMs + REPLY_SLACK_MS,
      ),
    ),
  );
  const pool = await serverStats(c);
  const h = mergeEncoded(results.map((r) => r.histogram));
  const sum = (pick: (r: (typeof results)[number]) => number): number =>
    results.reduce((s, r) => s + pick(r), 0);
  return {
    miners,
    periodMs,
    durationMs,
    sent: sum((r) => r.sent),
    recorded: h.totalCount,
    accepted: sum((r) => r.accepted),
    rejected: sum((r) => r.rejected),
    unanswered: sum((r) => r.unanswered),
    p50Ms: percentileMs(h, 50),
    p90Ms: percentileMs(h, 90),
    p99Ms: percentileMs(h, 99),
    p999Ms: percentileMs(h, 99.9),
    maxMs: h.maxValue / 1000,
    generatorMaxLagMs: Math.max(...results.map((r) => r.maxLagMs)),
    generatorP99LagMs: Math.max(...results.map((r) => r.p99LagMs)),
    poolLoopDelayP99Ms: pool.loopDelayP99Ms,
    poolLoopDelayMaxMs: pool.loopDelayMaxMs,
    poolSweep: pool.sweep,
    poolSweepCpu: pool.sweepCpu,
    poolGc: pool.gc,
    loadAverage: { start: loadStart, end: load1m() },
    firstRejection: results.find((r) => r.firstRejection !== undefined)?.firstRejection,
  };
}

export interface FloodShape {
  readonly label: string;
  readonly connections: number;
  readonly depth: number;
  readonly batch: number;
}

export async function flood(
  c: Children,
  shape: FloodShape,
  durationMs: number,
  warmupMs: number,
): Promise<FloodOutcome> {
  const { label, depth, batch } = shape;
  const loadStart = load1m();
  const replies = Promise.all(
    split(shape.connections, c.generators.length).map((connections, i) =>
      c.generators[i]!.request(
        { kind: 'flood', connections, depth, batch, durationMs, warmupMs },
        'flood-done',
        warmupMs + durationMs + REPLY_SLACK_MS,
      ),
    ),
  );
  await sleep(warmupMs);
  const before = await serverStats(c);
  await sleep(Math.max(0, durationMs - 10));
  const after = await serverStats(c);
  const results = await replies;
  const wallMs = after.atMs - before.atMs;
  const generatorCpuUs = results.reduce((s, r) => s + r.cpuUs, 0);
  return {
    label,
    connections: shape.connections,
    depth,
    batch,
    windowMs: durationMs,
    acceptedPerSecond: (results.reduce((s, r) => s + r.accepted, 0) * 1000) / durationMs,
    rejected: results.reduce((s, r) => s + r.rejected, 0),
    serverAcceptedPerSecond: ((after.sharesAccepted - before.sharesAccepted) * 1000) / wallMs,
    serverCpuPercent: ((after.cpuUs - before.cpuUs) / 1000 / wallMs) * 100,
    serverSystemCpuPercent: ((after.cpuSystemUs - before.cpuSystemUs) / 1000 / wallMs) * 100,
    generatorCpuPercent: (generatorCpuUs / 1000 / durationMs) * 100,
    loadAverage: { start: loadStart, end: load1m() },
    firstRejection: results.find((r) => r.firstRejection !== undefined)?.firstRejection,
  };
}
