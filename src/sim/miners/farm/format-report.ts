import type { Connections, FarmReport } from './farm-report.js';
import { rejectionGroups } from './rejection-groups.js';

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
  const groups = rejectionGroups(r.rejected);
  const rejected = groups.top.map(([reason, n]) => `  rejected ${n} x ${reason}`);
  if (groups.rest.groups > 0) {
    rejected.push(
      `  and ${groups.rest.groups} more reasons (${groups.rest.shares} shares, see --json)`,
    );
  }
  const s = r.saturation;
  const load = s.load === undefined ? '-' : String(Number(s.load.toPrecision(3)));
  const capacity = s.capacityHashesPerSec === undefined ? '-' : si(s.capacityHashesPerSec);
  return [
    `farm ${r.farmId} (${r.fidelity}, ${(r.elapsedMs / 1000).toFixed(1)} s): ${r.miners} miners, ${r.connected} connected`,
    `shares: ${r.submitted} submitted, ${r.accepted} accepted (${pct}), ${r.submitted - r.accepted - r.unanswered} rejected, ${r.unanswered} unanswered, ${r.withheld} withheld, ${r.discarded} discarded stale, ${r.blockSolutions} block solutions`,
    ...rejected,
    ...connectionLines(r.connections),
    `latency ms: p50 ${ms(r.latency.p50Ms)}  p95 ${ms(r.latency.p95Ms)}  p99 ${ms(r.latency.p99Ms)}  max ${ms(r.latency.maxMs)} (${r.latency.count} answers)`,
    `hashrate H/s: nominal ${si(r.hashrate.nominal)}, effective ${si(r.hashrate.effective)}`,
    `saturation: ${s.saturated ? 'SATURATED' : 'ok'} (load ${load}: demand ${si(s.demandHashesPerSec)} H/s, capacity ${capacity} H/s; ${s.lateShares} late, ${s.abandonedShares} abandoned, max lag ${ms(s.maxLagMs)} ms)`,
  ].join('\n');
}

const byCause = (causes: Readonly<Record<string, number>>): string => {
  const entries = Object.entries(causes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = entries.reduce((n, [, v]) => n + v, 0);
  return `${total}${entries.length === 0 ? '' : ` (${entries.map(([c, n]) => `${n} ${c}`).join(', ')})`}`;
};

/** Why connections failed or ended: a farm that cannot reach its pool says why. */
function connectionLines(c: Connections): string[] {
  const lines: string[] = [];
  if (c.firstError !== undefined) {
    lines.push(`connect failures: ${c.failedAttempts}, first: ${c.firstError}`);
  }
  lines.push(
    `connections closed: by pool ${byCause(c.closedByPool)}; by farm ${byCause(c.closedByFarm)}`,
  );
  return lines;
}
