/**
 * The Stratum server's capacity run: `node bin/run-ts.js bench/stratum/run.ts [options]`.
 *
 * One pool process (the real Stratum server) and N load-generator processes, all on this
 * machine, over real TCP on 127.0.0.1. Measures connections held, memory per idle
 * connection, accepted sha256d shares/s at the pool's own pace, and submit-to-reply latency
 * at 10,000 miners submitting every 10 s. Prints the figures and writes
 * reports/bench/stratum-load-*.{json,md}. Every child is stopped at the end, also on failure.
 *
 * Options: --connections 19000 --generators 2 --latency-miners 10000 --period-ms 10000
 * --paced-ms 20000 --flood-ms 8000 --warmup-ms 2000 --out reports/bench --strict --profile-pool
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, loadAverage1m } from '../environment.js';
import { capacityFigures } from './capacity-figures.js';
import type { CapacityRun, RunOptions } from './capacity-run.js';
import { ChildLink } from './child-process.js';
import { anyFigureMissed, formatFigureTable } from './figures.js';
import {
  connectTo,
  dropTo,
  flood,
  pacedLatency,
  serverMemory,
  type Children,
  type ServerLink,
} from './phases.js';
import type { GeneratorCommand, GeneratorReply, ServerCommand, ServerReply } from './protocol.js';
import { runLine, writeCapacityReport, type CapacityReport } from './write-report.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
/** Memory is read at this many connections and at the full count: a marginal cost. */
const MEMORY_BASE_CONNECTIONS = 1_000;
const CONNECT_DEADLINE_MS = 90_000;
const START_TIMEOUT_MS = 60_000;
/** Past this the run kills its children and exits, whatever it is doing. */
const WATCHDOG_MS = 300_000;

function int(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag} needs a positive integer`);
  return n;
}

function options(): { run: RunOptions; out: string; strict: boolean; profilePool: boolean } {
  const { values: v } = parseArgs({
    options: {
      connections: { type: 'string' },
      generators: { type: 'string' },
      'latency-miners': { type: 'string' },
      'period-ms': { type: 'string' },
      'paced-ms': { type: 'string' },
      'flood-ms': { type: 'string' },
      'warmup-ms': { type: 'string' },
      out: { type: 'string', default: 'reports/bench' },
      'profile-pool': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const connections = int(v.connections, 19_000, 'connections');
  return {
    run: {
      connections,
      generators: int(v.generators, 2, 'generators'),
      latencyMiners: Math.min(connections, int(v['latency-miners'], 10_000, 'latency-miners')),
      periodMs: int(v['period-ms'], 10_000, 'period-ms'),
      pacedMs: int(v['paced-ms'], 20_000, 'paced-ms'),
      floodMs: int(v['flood-ms'], 8_000, 'flood-ms'),
      warmupMs: int(v['warmup-ms'], 2_000, 'warmup-ms'),
    },
    out: v.out,
    strict: v.strict,
    profilePool: v['profile-pool'],
  };
}

async function phases(c: Children, port: number, run: CapacityRun): Promise<void> {
  const o = run.options;
  const log = (text: string): void => console.log(`  ${text}`);
  const base = Math.min(MEMORY_BASE_CONNECTIONS, o.connections);
  await connectTo(c, port, base, CONNECT_DEADLINE_MS);
  const before = await serverMemory(c);
  log(`${before.connections} connections; pool RSS ${(before.rssBytes / 2 ** 20).toFixed(1)} MiB`);
  const connected = await connectTo(c, port, o.connections, CONNECT_DEADLINE_MS);
  run.connect = connected;
  log(
    `${connected.serverConnections} connections held by the pool (${connected.generatorsOpen} miners)`,
  );
  const after = await serverMemory(c);
  run.memory = {
    baseConnections: before.connections,
    fullConnections: after.connections,
    rssDeltaBytes: after.rssBytes - before.rssBytes,
    heapDeltaBytes:
      after.heapUsedBytes + after.externalBytes - (before.heapUsedBytes + before.externalBytes),
    fullRssBytes: after.rssBytes,
  };
  log(`pool RSS ${(after.rssBytes / 2 ** 20).toFixed(1)} MiB at ${after.connections} connections`);

  const miners = await dropTo(c, o.latencyMiners);
  log(`${miners} miners submit once per ${o.periodMs} ms for ${o.pacedMs} ms`);
  run.latency = await pacedLatency(c, miners, o.periodMs, o.pacedMs, o.warmupMs);
  log(`latency p50 ${run.latency.p50Ms} ms, p99 ${run.latency.p99Ms} ms`);

  const shapes = [
    { label: 'one-per-packet', connections: miners, depth: 1, batch: 1 },
    { label: 'pipelined', connections: Math.min(miners, 1_000), depth: 32, batch: 16 },
  ];
  for (const shape of shapes) {
    log(
      `flood ${shape.label}: ${shape.connections} miners, depth ${shape.depth}, batch ${shape.batch}`,
    );
    const f = await flood(c, shape, o.floodMs, o.warmupMs);
    run.floods.push(f);
    log(
      `accepted ${Math.round(f.acceptedPerSecond)} shares/s (pool CPU ${Math.round(f.serverCpuPercent)}%)`,
    );
  }
}

async function stopAll(server: ServerLink, all: readonly { stop(ms: number): Promise<void> }[]) {
  // The pool closes first, so the sockets' TIME_WAIT lands on its side, not on client ports.
  // Generators close their sockets and exit when their IPC channel closes.
  if (!server.busy)
    await server.request({ kind: 'shutdown' }, 'closed', 10_000).catch(() => undefined);
  await Promise.all(all.map((child) => child.stop(5_000)));
}

async function main(): Promise<number> {
  const { run: o, out, strict, profilePool } = options();
  const machine = describeMachine();
  const loadStart = loadAverage1m();
  const startedMs = performance.now();
  const run: CapacityRun = { options: o, fdLimits: { generators: [] }, floods: [], errors: [] };
  const links: ChildLink<object, { kind: string }>[] = [];
  const server: ServerLink = new ChildLink<ServerCommand, ServerReply>(
    'pool',
    resolve(HERE, 'server-main.ts'),
    [String(o.connections + 1_000)],
    // --profile-pool: a V8 CPU profile of the pool (open it in Chrome DevTools).
    [
      '--expose-gc',
      ...(profilePool ? ['--cpu-prof', `--cpu-prof-dir=${resolve(out, 'profiles')}`] : []),
    ],
  );
  links.push(server);
  const generators = Array.from(
    { length: o.generators },
    (_, i) =>
      new ChildLink<GeneratorCommand, GeneratorReply>(
        `generator ${i}`,
        resolve(HERE, 'generator-main.ts'),
        [String(i)],
      ),
  );
  links.push(...generators);
  const children: Children = { server, generators };
  const killAll = (): void => {
    for (const l of links) l.kill();
  };
  const watchdog = setTimeout(() => {
    console.error(`stratum-load: still running after ${WATCHDOG_MS} ms; stopping`);
    killAll();
    process.exit(1);
  }, WATCHDOG_MS);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }

  console.log(
    `stratum-load: pool pid ${server.pid}, generators ${generators.map((g) => g.pid).join(', ')}`,
  );
  try {
    const listening = await server.next('listening', START_TIMEOUT_MS);
    run.fdLimits = {
      server: listening.fdLimit,
      generators: await Promise.all(
        generators.map(async (g) => (await g.next('ready', START_TIMEOUT_MS)).fdLimit),
      ),
    };
    console.log(`  pool on 127.0.0.1:${listening.port}; fd limits ${JSON.stringify(run.fdLimits)}`);
    // A child that dies mid-phase (killed, out of memory) ends the run at once.
    const crashed = new Promise<never>((_, reject) => {
      for (const l of links)
        void l.exited.then(() => reject(new Error(`${l.label} exited mid-run`)));
    });
    const running = phases(children, listening.port, run);
    crashed.catch(() => undefined);
    running.catch(() => undefined);
    await Promise.race([running, crashed]);
  } catch (error) {
    run.errors.push(error instanceof Error ? error.message : String(error));
    console.error(`stratum-load: ${run.errors.at(-1)}`);
  } finally {
    await stopAll(server, links);
    clearTimeout(watchdog);
  }

  const figures = capacityFigures(run);
  const report: CapacityReport = {
    run: {
      ...machine,
      loadAverage: { start: loadStart, end: loadAverage1m() },
      generator: `${o.generators} generator processes (child_process, same machine)`,
      wallMs: performance.now() - startedMs,
    },
    figures,
    details: run,
  };
  console.log(`\n${runLine(report)}\n\n${formatFigureTable(figures)}\n`);
  for (const path of await writeCapacityReport(report, resolve(out))) console.log(`wrote ${path}`);
  const failed = anyFigureMissed(figures) || run.errors.length > 0;
  return strict && failed ? 1 : 0;
}

process.exitCode = await main();
