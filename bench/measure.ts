import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Benchmark, Measurement, Operation } from './benchmark.js';
import type { CpuClock } from './cpu-clock.js';

export interface MeasureOptions {
  /** Wall time each benchmark spends in timed samples, after warm-up. */
  readonly timeMs: number;
  readonly warmupMs: number;
  /** Aim for samples of about this length, so timer resolution and overhead vanish. */
  readonly sampleMs?: number;
  readonly minSamples?: number;
  readonly cpuClock: CpuClock;
  /** A full collection before every sample (default true; tests of the harness turn it off). */
  readonly collectGarbage?: boolean;
}

/** Keeps results reachable so no call can be optimised away. */
export let sink: unknown;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

interface Subject {
  readonly bench: Benchmark;
  readonly op: Operation;
  readonly isAsync: boolean;
  batch: number;
  wallMs: number;
  readonly cpuRates: number[];
  readonly wallRates: number[];
}

async function runBatch(s: Subject, calls: number): Promise<void> {
  if (s.isAsync) {
    for (let i = 0; i < calls; i++) sink = await s.op();
  } else {
    for (let i = 0; i < calls; i++) sink = s.op();
  }
}

async function prepare(bench: Benchmark, warmupMs: number, sampleMs: number): Promise<Subject> {
  const op = await bench.setup();
  const first = op();
  const isAsync = isThenable(first);
  if (isAsync) await first;
  const s: Subject = { bench, op, isAsync, batch: 1, wallMs: 0, cpuRates: [], wallRates: [] };
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < warmupMs) {
    await runBatch(s, 16);
    calls += 16;
  }
  s.batch = Math.max(1, Math.round((calls / (performance.now() - start)) * sampleMs));
  return s;
}

/**
 * A full collection between samples, so garbage one benchmark leaves (hash-wasm's async
 * scrypt builds a wasm instance per call) is not collected by helper threads while the next
 * one is timed. `npm run bench` cannot pass --expose-gc, so the flag is set at run time.
 */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => {};
}
const collectGarbage = exposeGc();

async function sample(s: Subject, clock: CpuClock, gc: boolean): Promise<void> {
  if (gc) collectGarbage();
  const cpu0 = clock.nowNs();
  const t0 = performance.now();
  await runBatch(s, s.batch);
  const wallMs = performance.now() - t0;
  const cpuMs = Math.max((clock.nowNs() - cpu0) / 1e6, 1e-3);
  s.wallMs += wallMs;
  s.cpuRates.push((s.batch * 1000) / cpuMs);
  s.wallRates.push((s.batch * 1000) / wallMs);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summarise(s: Subject): Measurement {
  const rates = s.cpuRates;
  const mean = rates.reduce((sum, r) => sum + r, 0) / rates.length;
  const variance = rates.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (rates.length - 1);
  return {
    name: s.bench.name,
    unit: s.bench.unit,
    opsPerSecond: median(rates),
    minOpsPerSecond: Math.min(...rates),
    maxOpsPerSecond: Math.max(...rates),
    rmePercent: ((1.96 * Math.sqrt(variance / rates.length)) / mean) * 100,
    wallOpsPerSecond: median(s.wallRates),
    samples: rates.length,
    operations: s.batch * rates.length,
    ...(s.bench.note === undefined ? {} : { note: s.bench.note }),
  };
}

/**
 * Measures benchmarks round-robin, one sample of each in turn, so that load which comes and
 * goes on a shared machine falls on all of them alike and comparisons between them hold.
 */
export async function measureAll(
  benches: readonly Benchmark[],
  options: MeasureOptions,
  onReady: (name: string) => void = () => {},
): Promise<Measurement[]> {
  const sampleMs = options.sampleMs ?? 20;
  const minSamples = options.minSamples ?? 10;
  const subjects: Subject[] = [];
  for (const bench of benches) {
    subjects.push(await prepare(bench, options.warmupMs, sampleMs));
    onReady(bench.name);
  }
  const unfinished = (s: Subject): boolean =>
    s.wallMs < options.timeMs || s.cpuRates.length < minSamples;
  while (subjects.some(unfinished)) {
    for (const s of subjects)
      if (unfinished(s)) await sample(s, options.cpuClock, options.collectGarbage ?? true);
  }
  return subjects.map(summarise);
}
