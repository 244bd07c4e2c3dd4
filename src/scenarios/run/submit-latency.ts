import { farmReport } from '../../sim/miners/index.js';
import type { MetricValue } from '../gates/index.js';
import type { LatencySummary } from '../reports/index.js';
import type { FarmSlots } from './farm-slots.js';
import type { TruthRow } from './truth-shares.js';

/** Upper bounds of the report's latency histogram, ms; the last bucket takes the rest. */
const BUCKET_BOUNDS_MS = [1, 5, 25, 100, 1_000] as const;

/**
 * Submit-to-answer round trips as the miners measured them: percentiles from the farms'
 * merged HDR histograms (what `chimera farm` reports), the histogram's buckets from each
 * share's own record. A protocol run measures on the virtual clock, so what shows is time the
 * pool itself waited before answering (timers, a durable commit, a node it awaited), never
 * CPU time. Undefined when no share was answered.
 */
export function submitLatency(
  farms: readonly FarmSlots[],
  rows: readonly TruthRow[],
  durationMs: number,
): LatencySummary | undefined {
  const snapshots = farms.flatMap((slots) => slots.farms().map((f) => f.snapshot()));
  if (snapshots.length === 0) return undefined;
  const merged = farmReport('run', 'protocol', durationMs, snapshots).latency;
  if (merged.count === 0) return undefined;
  const counts: number[] = new Array<number>(BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const row of rows) {
    const ms = row.record.latencyMs;
    if (ms === undefined) continue;
    const i = BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
    const at = i < 0 ? BUCKET_BOUNDS_MS.length : i;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return {
    p50: merged.p50Ms,
    p95: merged.p95Ms,
    p99: merged.p99Ms,
    max: merged.maxMs,
    histogram: [...BUCKET_BOUNDS_MS, Number.POSITIVE_INFINITY].map((upToMs, i) => ({
      upToMs,
      count: counts[i] ?? 0,
    })),
  };
}

/** The submit_latency.* metrics of a run's latency; none when it measured none. */
export function latencyMetrics(latency: LatencySummary | undefined): Record<string, MetricValue> {
  if (latency === undefined) return {};
  return {
    'submit_latency.p50': latency.p50,
    'submit_latency.p95': latency.p95,
    'submit_latency.p99': latency.p99,
    'submit_latency.max': latency.max,
  };
}
