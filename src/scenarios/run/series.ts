import type { SeriesPoint } from '../reports/index.js';
import { isAccepted, type TruthRow } from './truth-shares.js';

/** Points a run's series has: enough for a sparkline, few enough for a summary. */
const POINTS = 60;

/**
 * The pool's effective hashrate (accepted work, each share unshrunk by its miner's digits) and acceptance over
 * the run, in equal intervals of scenario time.
 */
export function runSeries(
  rows: readonly TruthRow[],
  run: { readonly startMs: number; readonly durationMs: number },
): SeriesPoint[] {
  const bucketMs = Math.max(1, Math.ceil(run.durationMs / POINTS));
  const buckets = Array.from({ length: Math.ceil(run.durationMs / bucketMs) }, () => ({
    work: 0,
    sent: 0,
    accepted: 0,
  }));
  for (const row of rows) {
    const sentAt = row.record.sentAtMs;
    if (sentAt === undefined) continue;
    const bucket = buckets[Math.floor((sentAt - run.startMs) / bucketMs)];
    if (bucket === undefined) continue;
    bucket.sent++;
    if (isAccepted(row)) {
      bucket.accepted++;
      bucket.work += Number(row.work) * 10 ** row.shrinkDigits;
    }
  }
  return buckets.map((b, i) => {
    const endMs = Math.min(run.durationMs, (i + 1) * bucketMs);
    const spanMs = endMs - i * bucketMs;
    return {
      atMs: endMs,
      hashrate: (b.work * 1000) / spanMs,
      acceptance: b.sent === 0 ? null : b.accepted / b.sent,
    };
  });
}
