import { bar, sparkline } from './charts.js';
import { cell, code, formatClock, formatHashrate, formatMs, formatPercent, table } from './format.js';
import { rejectedTotal, sharesByClass, type RunResult } from './run-result.js';

/**
 * report.md: the run for a person. Figures come from the RunResult only, charts are text,
 * and nothing reads a clock, so one seed gives one report.
 */
export function reportMarkdown(result: RunResult): string {
  return [
    ...header(result),
    ...gates(result),
    ...shares(result),
    ...overTime(result),
    ...latency(result),
    ...blocks(result),
    ...payouts(result),
    ...timeline(result),
  ].join('\n');
}

function header(result: RunResult): string[] {
  const verdict = result.passed ? 'PASSED' : 'FAILED';
  return [
    `# ${result.scenario.name}: ${verdict}`,
    '',
    `> ${cell(result.scenario.description)}`,
    '',
    `- scenario: ${code(result.scenario.file)}`,
    `- run: ${code(result.runId)}`,
    `- seed: ${result.seed}`,
    `- fidelity: ${result.fidelity}`,
    `- duration: ${formatClock(result.durationMs)}`,
    ...(result.error === undefined ? [] : ['', `**The run stopped early:** ${cell(result.error)}`]),
    '',
  ];
}

function gates(result: RunResult): string[] {
  if (result.gates.length === 0) return ['## Gates', '', 'No gates.', ''];
  const passed = result.gates.filter((g) => g.passed).length;
  const rows = result.gates.map((g) => [
    code(g.expression),
    g.passed ? 'pass' : '**FAIL**',
    cell(g.actual ?? 'not measured'),
    cell(g.threshold ?? '-'),
  ]);
  return [
    '## Gates',
    '',
    `${passed} of ${result.gates.length} passed.`,
    '',
    ...table(['gate', 'result', 'actual', 'threshold'], rows),
    ...(passed === result.gates.length ? [] : ['']),
    ...result.gates.filter((g) => !g.passed).map((g) => `- ${code(g.expression)}: ${cell(g.message)}`),
    '',
  ];
}

function shares(result: RunResult): string[] {
  const ratio = (accepted: number, submitted: number) =>
    submitted === 0 ? '-' : formatPercent(accepted / submitted);
  const farmRows = result.farms.map((f) => [
    cell(f.farm),
    cell(f.behaviour),
    f.behaviourClass,
    String(f.miners),
    String(f.submitted),
    String(f.accepted),
    String(rejectedTotal(f)),
    ratio(f.accepted, f.submitted),
    cell(
      Object.entries(f.rejected)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([reason, n]) => `${reason} ${n}`)
        .join(', '),
    ),
  ]);
  const classRows = sharesByClass(result.farms).map((c) => [
    c.behaviourClass,
    String(c.submitted),
    String(c.accepted),
    String(c.rejected),
    ratio(c.accepted, c.submitted),
  ]);
  return [
    '## Shares',
    '',
    ...table(
      ['farm', 'behaviour', 'class', 'miners', 'submitted', 'accepted', 'rejected', 'acceptance', 'rejected by reason'],
      farmRows,
    ),
    '',
    ...table(['class', 'submitted', 'accepted', 'rejected', 'acceptance'], classRows),
    '',
  ];
}

function overTime(result: RunResult): string[] {
  if (result.series.length === 0) return [];
  const hashrates = result.series.map((p) => p.hashrate);
  const acceptances = result.series.map((p) => p.acceptance);
  const known = acceptances.filter((a): a is number => a !== null);
  const first = result.series[0]?.atMs ?? 0;
  const last = result.series[result.series.length - 1]?.atMs ?? 0;
  return [
    '## Hashrate and acceptance over time',
    '',
    '```text',
    `hashrate    ${sparkline(hashrates)}  ${formatHashrate(Math.min(...hashrates))} .. ${formatHashrate(Math.max(...hashrates))}`,
    `acceptance  ${sparkline(acceptances)}  ${known.length === 0 ? '-' : `${formatPercent(Math.min(...known))} .. ${formatPercent(Math.max(...known))}`}`,
    `            ${formatClock(first)} .. ${formatClock(last)}`,
    '```',
    '',
  ];
}

function latency(result: RunResult): string[] {
  const l = result.latencyMs;
  if (l === undefined) return [];
  const most = Math.max(0, ...l.histogram.map((b) => b.count));
  const labels = l.histogram.map((b) => (Number.isFinite(b.upToMs) ? `<= ${formatMs(b.upToMs)}` : '> last'));
  const width = Math.max(0, ...labels.map((s) => s.length));
  return [
    '## Submit latency',
    '',
    ...table(['p50', 'p95', 'p99', 'max'], [[l.p50, l.p95, l.p99, l.max].map(formatMs)]),
    '',
    '```text',
    ...l.histogram.map((b, i) => `${(labels[i] ?? '').padStart(width)} ${bar(b.count, most)} ${b.count}`),
    '```',
    '',
  ];
}

function blocks(result: RunResult): string[] {
  const { found, accepted, orphaned } = result.blocks;
  return ['## Blocks', '', ...table(['found', 'accepted', 'orphaned'], [[found, accepted, orphaned].map(String)]), ''];
}

function payouts(result: RunResult): string[] {
  const p = result.payouts;
  const rows = p.miners.map((m) => {
    const diff = m.actualSats - m.expectedSats;
    return [
      cell(m.account),
      String(m.expectedSats),
      String(m.actualSats),
      diff === 0n ? '0' : `**${diff > 0n ? '+' : ''}${diff}**`,
    ];
  });
  return [
    '## Payouts',
    '',
    `${p.blocksPaid} blocks paid, ${p.totalSats} sats in total, ${p.feeSats} sats of fees; ` +
      `largest difference from the reference PPLNS model: ${p.largestErrorSats} sats.`,
    '',
    ...(rows.length === 0 ? ['No credits.'] : table(['account', 'expected (sats)', 'actual (sats)', 'difference'], rows)),
    '',
  ];
}

function timeline(result: RunResult): string[] {
  if (result.timeline.length === 0) return ['## Timeline', '', 'Nothing happened.', ''];
  const rows = [...result.timeline]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.atMs - b.entry.atMs || a.index - b.index)
    .map(({ entry }) => [formatClock(entry.atMs), cell(entry.kind), cell(entry.detail)]);
  return ['## Timeline', '', ...table(['time', 'event', 'detail'], rows), ''];
}
