import type { Measurement, TargetVerdict } from './benchmark.js';

export interface RunInfo {
  /** ISO 8601, UTC. */
  readonly date: string;
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  /** 1-minute load average before and after: a loaded machine reads slow. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  /** `thread`: the measuring thread's CPU time; `process`: all threads' (non-Linux). */
  readonly cpuClock: 'thread' | 'process';
  readonly filters: readonly string[];
  readonly timeMs: number;
  readonly warmupMs: number;
}

export interface ReportRow extends Measurement {
  readonly target?: TargetVerdict;
}

export interface BenchReport {
  readonly run: RunInfo;
  readonly results: readonly ReportRow[];
}

function rate(n: number, unit: string): string {
  const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}/s`;
}

function verdictText(v: TargetVerdict | undefined, unit: string): string {
  if (v === undefined) return '';
  if (v.status === 'not-judged') return `not judged (${v.why}): ${v.description}`;
  return `${v.status.toUpperCase()} (needs ${rate(v.threshold, unit)}): ${v.description}`;
}

function cells(row: ReportRow): string[] {
  return [
    row.name,
    rate(row.opsPerSecond, row.unit),
    rate(row.wallOpsPerSecond, row.unit),
    `±${row.rmePercent.toFixed(1)}%`,
    String(row.samples),
    verdictText(row.target, row.unit),
  ];
}

const HEADINGS = ['benchmark', 'per core (CPU time)', 'wall clock', 'rme', 'samples', 'target'];

function runLine(run: RunInfo): string {
  return (
    `${run.date} · Node ${run.node} (V8 ${run.v8}) · ${run.platform}/${run.arch} · ` +
    `${run.cpuModel} × ${run.cpuCount} · load ${run.loadAverage.start.toFixed(2)} → ` +
    `${run.loadAverage.end.toFixed(2)} · ${run.timeMs} ms per benchmark · CPU clock: ${run.cpuClock}`
  );
}

/** A fixed-width table for the terminal. */
export function formatTable(report: BenchReport): string {
  const rows = [HEADINGS, ...report.results.map(cells)];
  const widths = HEADINGS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, c) => (c === 1 || c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [runLine(report.run), '', line(rows[0]!), ...rows.slice(1).map(line)].join('\n');
}

function escapeCell(s: string): string {
  return s.replaceAll('|', '\\|');
}

/** The same figures as a short Markdown document. */
export function formatMarkdown(report: BenchReport): string {
  const head = `| ${HEADINGS.join(' | ')} |`;
  const rule = `|${HEADINGS.map((_, c) => (c === 1 || c === 2 ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = report.results.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`);
  const notes = report.results
    .filter((r) => r.note !== undefined)
    .map((r) => `- \`${r.name}\`: ${r.note}`);
  return [
    '# Benchmarks',
    '',
    runLine(report.run),
    '',
    head,
    rule,
    ...body,
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
  ].join('\n');
}

/** Whether any judged target was missed. */
export function anyMissed(report: BenchReport): boolean {
  return report.results.some((r) => r.target?.status === 'missed');
}
