import type { GateProgress, RunProgress } from '../../scenarios/run/progress.js';
import { plainTable, type Align } from './columns.js';
import {
  NOT_AVAILABLE,
  formatCount,
  formatDuration,
  formatHashrate,
  formatPercent,
  formatSpeedup,
} from './format.js';
import {
  acceptanceByClass,
  blockTotals,
  gateCounts,
  payoutsText,
  rejectedBreakdown,
  runVerdict,
  splitGate,
} from './progress-figures.js';

/**
 * The dashboard's plain-text twin, for `--ci` and pipes: no ANSI, no cursor movement, one
 * line per report, the same figures.
 */

/**
 * One line: `running 1h/6h x3,600 | blocks 3 found, 3 accepted, 1 orphaned |
 * acceptance honest 99.4%, malicious 0% | gates 1 passed, 1 failed, 2 pending`.
 */
export function formatProgressLine(progress: RunProgress): string {
  const { clock } = progress;
  const time = `${formatDuration(clock.simulatedMs)}/${formatDuration(clock.durationMs)}`;
  const classes = acceptanceByClass(progress.farms);
  const acceptance =
    classes.length === 0
      ? 'no farms'
      : classes.map((c) => `${c.behaviourClass} ${formatPercent(c.acceptance)}`).join(', ');
  return [
    `${progress.phase} ${time} ${formatSpeedup(clock.speedup)}`,
    blocksText(progress),
    `acceptance ${acceptance}`,
    `gates ${gateCountsText(progress.gates)}`,
  ].join(' | ');
}

/** The end of a run: a verdict line, the gates (actual against threshold), the farms. */
export function formatFinalTable(progress: RunProgress): string {
  const { clock } = progress;
  const verdict = runVerdict(progress);
  const title = [
    progress.scenario,
    `seed ${progress.seed}`,
    progress.fidelity,
    `${formatDuration(clock.simulatedMs)} of ${formatDuration(clock.durationMs)} simulated`,
    verdict === 'running' ? progress.phase : verdict.toUpperCase(),
  ].join('  ');
  const lines = [
    title,
    '',
    `Gates: ${gateCountsText(progress.gates)}`,
    ...indent(gateTable(progress.gates)),
    '',
    `Farms: ${progress.farms.length}`,
    ...indent(farmTable(progress)),
    '',
    blocksText(progress),
    payoutsText(progress),
  ];
  return `${lines.join('\n')}\n`;
}

function gateTable(gates: readonly GateProgress[]): string[] {
  if (gates.length === 0) return ['(no gates)'];
  const rows = gates.map((gate) => {
    const { metric, threshold } = splitGate(gate.expression);
    const status = gate.status === 'failed' ? 'FAILED' : gate.status;
    return [status, metric, gate.actual ?? NOT_AVAILABLE, threshold];
  });
  return plainTable(['status', 'gate', 'actual', 'threshold'], rows);
}

function farmTable(progress: RunProgress): string[] {
  if (progress.farms.length === 0) return ['(no farms)'];
  const header = [
    'farm',
    'profile',
    'class',
    'behaviour',
    'miners',
    'effective',
    'nominal',
    'submitted',
    'accepted',
    'acceptance',
    'rejected',
  ];
  const align: Align[] = ['left', 'left', 'left', 'left', ...Array<Align>(6).fill('right')];
  const rows = progress.farms.map((farm) => [
    farm.id,
    farm.profile,
    farm.behaviourClass,
    farm.behaviour,
    formatCount(farm.miners),
    `${formatHashrate(farm.effectiveHashrate)}${farm.saturated ? '*' : ' '}`,
    formatHashrate(farm.nominalHashrate),
    formatCount(farm.submitted),
    formatCount(farm.accepted),
    formatPercent(farm.acceptance),
    rejectedBreakdown(farm.rejected) || '-',
  ]);
  const table = plainTable(header, rows, align);
  const saturated = progress.farms.some((farm) => farm.saturated);
  return saturated
    ? [...table, '* saturated: could not grind as fast as its nominal hashrate']
    : table;
}

function blocksText(progress: RunProgress): string {
  const blocks = blockTotals(progress);
  return `blocks ${formatCount(blocks.found)} found, ${formatCount(blocks.accepted)} accepted, ${formatCount(blocks.orphaned)} orphaned`;
}

function gateCountsText(gates: readonly GateProgress[]): string {
  const counts = gateCounts(gates);
  return `${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`;
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}
