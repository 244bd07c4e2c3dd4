/**
 * The pool process of the capacity run: the real Stratum server on 127.0.0.1, driven by
 * run.ts over IPC. Start it through run.ts (it needs node --expose-gc and an IPC channel).
 * argv: <maxConnections>
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveCommands, sendToParent } from './child-ipc.js';
import { fdLimit, openFds } from './fd-limit.js';
import { buildPoolUnderTest } from './pool-under-test.js';
import { PoolStalls } from './pool-stalls.js';
import type { MemoryReading, ServerCommand, ServerReply, ServerStats } from './protocol.js';

const maxConnections = Number(process.argv[2] ?? 25_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('server-main needs node --expose-gc');
const collect: () => void = gc;

const stalls = new PoolStalls();
const pool = await buildPoolUnderTest(maxConnections, stalls);
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const address = await pool.server.listen('127.0.0.1', 0);

/** Full collections until the heap stops shrinking, so a reading holds only live objects. */
async function settledMemory(): Promise<MemoryReading> {
  let last = Infinity;
  for (let i = 0; i < 5; i++) {
    collect();
    await sleep(50);
    const used = process.memoryUsage().heapUsed;
    if (used >= last * 0.999) break;
    last = used;
  }
  const m = process.memoryUsage();
  return {
    kind: 'memory',
    connections: pool.server.connectionCount,
    rssBytes: m.rss,
    heapUsedBytes: m.heapUsed,
    externalBytes: m.external,
    arrayBuffersBytes: m.arrayBuffers,
  };
}

function stats(): ServerStats {
  const c = pool.server.counters();
  const cpu = process.cpuUsage();
  const delay = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  return {
    kind: 'stats',
    connections: pool.server.connectionCount,
    openFds: openFds(),
    sharesAccepted: c.sharesAccepted,
    sharesRejected: Object.values(c.sharesRejected).reduce((a, b) => a + b, 0),
    refusedFull: c.connectionsRefused.full,
    cpuUs: cpu.user + cpu.system,
    cpuSystemUs: cpu.system,
    atMs: performance.now(),
    loopDelayP99Ms: delay.p99,
    loopDelayMaxMs: delay.max,
    ...stalls.take(),
  };
}

async function handle(command: ServerCommand): Promise<ServerReply> {
  switch (command.kind) {
    case 'memory':
      return settledMemory();
    case 'stats':
      return stats();
    case 'shutdown':
      await pool.server.close();
      pool.scheduler.clearAll();
      return { kind: 'closed' };
  }
}

serveCommands<ServerCommand>(handle, () => {
  loopDelay.disable();
  stalls.stop();
  pool.scheduler.clearAll();
});
sendToParent({ kind: 'listening', port: address.port, fdLimit: fdLimit() } satisfies ServerReply);
