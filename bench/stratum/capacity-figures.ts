import type { CapacityRun, FloodOutcome } from './capacity-run.js';
import type { Figure } from './figures.js';

const TARGET_CONNECTIONS = 19_000;
/** 8 KB read as 8,000 bytes, the stricter reading. */
const TARGET_BYTES_PER_CONNECTION = 8_000;
const TARGET_SHARES_PER_SECOND = 20_000;
const TARGET_P99_MS = 10;

function perConnection(run: CapacityRun, delta: (m: NonNullable<CapacityRun['memory']>) => number) {
  const m = run.memory;
  if (m === undefined) return undefined;
  const added = m.fullConnections - m.baseConnections;
  return added > 0 ? delta(m) / added : undefined;
}

function shapeText(f: FloodOutcome): string {
  const shape = f.batch === 1 ? 'one share per packet' : `${f.batch} shares per write`;
  return `${f.connections.toLocaleString('en-US')} miners, ${shape}, up to ${f.depth} unanswered each`;
}

/** A flood shape's rate, judged, and the same over the pool's CPU time (what load disturbs least). */
function floodFigures(f: FloodOutcome): Figure[] {
  const cpuShare = f.serverCpuPercent / 100;
  return [
    {
      name: `stratum-load/accepted-shares-${f.label}`,
      unit: 'share/s',
      value: f.acceptedPerSecond,
      target: { kind: 'min', value: TARGET_SHARES_PER_SECOND, why: 'sha256d, one pool process' },
      note:
        `${shapeText(f)}: replies \`true\` counted by the generators (the pool counted ` +
        `${Math.round(f.serverAcceptedPerSecond).toLocaleString('en-US')}/s); pool at ` +
        `${Math.round(f.serverCpuPercent)}% of a core (${Math.round(f.serverSystemCpuPercent)}% in the kernel), ` +
        `generators at ${Math.round(f.generatorCpuPercent)}%; ${f.rejected} rejected; ` +
        `load ${f.loadAverage.start.toFixed(1)} → ${f.loadAverage.end.toFixed(1)}`,
    },
    {
      name: `stratum-load/accepted-shares-${f.label}-per-pool-cpu-second`,
      unit: 'share/CPU-s',
      value: cpuShare > 0 ? f.acceptedPerSecond / cpuShare : undefined,
      note: 'the rate over the pool process CPU time (user + system): what a core to itself would take',
    },
  ];
}

/** The run's figures, each with its target where the brief sets one. */
export function capacityFigures(run: CapacityRun): Figure[] {
  const c = run.connect;
  const lat = run.latency;
  const connectNote =
    c === undefined
      ? 'connect phase did not complete'
      : `${c.generatorsOpen.toLocaleString('en-US')} handshakes completed in ${(c.elapsedMs / 1000).toFixed(1)} s ` +
        `by ${run.options.generators} generator processes; pool fds open ${c.serverOpenFds} ` +
        `(soft limit ${run.fdLimits.server?.soft ?? 'unknown'})` +
        (Object.keys(c.failures).length > 0 ? `; failures: ${JSON.stringify(c.failures)}` : '');
  const latencyNote =
    lat === undefined
      ? 'latency phase did not complete'
      : `${lat.miners.toLocaleString('en-US')} miners, one submit each per ${lat.periodMs / 1000} s, ` +
        `${lat.recorded.toLocaleString('en-US')} answers recorded (p99.9 ${lat.p999Ms.toFixed(2)} ms, ` +
        `max ${lat.maxMs.toFixed(2)} ms); pool event-loop delay p99 ${lat.poolLoopDelayP99Ms.toFixed(2)} ms, ` +
        `max ${lat.poolLoopDelayMaxMs.toFixed(2)} ms; pool sweeps max ${lat.poolSweep.maxMs.toFixed(2)} ms ` +
        `(CPU ${lat.poolSweepCpu.maxMs.toFixed(2)} ms), ` +
        `GC pauses max ${lat.poolGc.maxMs.toFixed(2)} ms (${lat.poolGc.totalMs.toFixed(0)} ms in ${lat.poolGc.count}); generator send lag p99 ${lat.generatorP99LagMs.toFixed(2)} ms, ` +
        `max ${lat.generatorMaxLagMs.toFixed(2)} ms; load ${lat.loadAverage.start.toFixed(1)} → ${lat.loadAverage.end.toFixed(1)}`;
  const floods = run.floods.flatMap(floodFigures);
  return [
    {
      name: 'stratum-load/connections-held',
      unit: 'connection',
      value: c?.serverConnections,
      target: { kind: 'min', value: TARGET_CONNECTIONS, why: 'one pool process, 20,000-fd limit' },
      note: connectNote,
    },
    {
      name: 'stratum-load/memory-per-idle-connection-rss',
      unit: 'B',
      value: perConnection(run, (m) => m.rssDeltaBytes),
      target: { kind: 'max', value: TARGET_BYTES_PER_CONNECTION, why: 'RSS after GC' },
      note: 'pool RSS after full GCs, marginal: (at N - at the first 1,000) / added connections',
    },
    {
      name: 'stratum-load/memory-per-idle-connection-heap',
      unit: 'B',
      value: perConnection(run, (m) => m.heapDeltaBytes),
      target: {
        kind: 'max',
        value: TARGET_BYTES_PER_CONNECTION,
        why: 'JS heap + external after GC',
      },
      note: 'heapUsed + external after full GCs, marginal as above',
    },
    ...floods,
    {
      name: 'stratum-load/submit-latency-p50',
      unit: 'ms',
      value: lat?.p50Ms,
      note: latencyNote,
    },
    {
      name: 'stratum-load/submit-latency-p99',
      unit: 'ms',
      value: lat?.p99Ms,
      target: { kind: 'max', value: TARGET_P99_MS, why: '10,000 miners, ~1,000 submits/s' },
    },
  ];
}
