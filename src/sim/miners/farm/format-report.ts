import type { FarmReport } from './farm-report.js';

/** 1234567 -> "1.23M": rates for people, not for machines. */
export function si(n: number): string {
  const units = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${Number(v.toPrecision(3))}${units[u]}`;
}

const ms = (v: number): string => String(Number(v.toPrecision(3)));

/** The report as a few lines of text, for the terminal. */
export function formatFarmReport(r: FarmReport): string {
  const pct = r.acceptance === undefined ? '-' : `${(r.acceptance * 100).toFixed(2)}%`;
  const rejected = Object.entries(r.rejected)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `  rejected ${n} x ${reason}`);
  const s = r.saturation;
  const load = s.load === undefined ? '-' : String(Number(s.load.toPrecision(3)));
  const capacity = s.capacityHashesPerSec === undefined ? '-' : si(s.capacityHashesPerSec);
  return [
    `farm ${r.farmId} (${r.fidelity}, ${(r.elapsedMs / 1000).toFixed(1)} s): ${r.miners} miners, ${r.connected} connected`,
    `shares: ${r.submitted} submitted, ${r.accepted} accepted (${pct}), ${r.submitted - r.accepted - r.unanswered} rejected, ${r.unanswered} unanswered, ${r.withheld} withheld, ${r.blockSolutions} block solutions`,
    ...rejected,
    `latency ms: p50 ${ms(r.latency.p50Ms)}  p95 ${ms(r.latency.p95Ms)}  p99 ${ms(r.latency.p99Ms)}  max ${ms(r.latency.maxMs)} (${r.latency.count} answers)`,
    `hashrate H/s: nominal ${si(r.hashrate.nominal)}, effective ${si(r.hashrate.effective)}`,
    `saturation: ${s.saturated ? 'SATURATED' : 'ok'} (load ${load}: demand ${si(s.demandHashesPerSec)} H/s, capacity ${capacity} H/s; ${s.lateShares} late, ${s.abandonedShares} abandoned, max lag ${ms(s.maxLagMs)} ms)`,
  ].join('\n');
}
