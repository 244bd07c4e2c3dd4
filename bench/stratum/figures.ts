/**
 * Capacity figures: one measured value each, with an optional target. Unlike the harness's
 * per-core rates these are counts, sizes and latencies of a multi-process run, so they get
 * their own row type, printed in the same spirit (name, value, target, MET / MISSED).
 */

export interface FigureTarget {
  /** `min`: the value must reach `value`; `max`: it must stay below `value`. */
  readonly kind: 'min' | 'max';
  readonly value: number;
  readonly why: string;
}

export interface Figure {
  /** `stratum-load/<case>`, as the harness names benchmarks. */
  readonly name: string;
  readonly unit: string;
  /** Undefined when the run could not measure it (see `note`). */
  readonly value: number | undefined;
  readonly target?: FigureTarget;
  readonly note?: string;
}

export type FigureStatus = 'met' | 'missed' | 'not-measured' | 'no-target';

export function judgeFigure(figure: Figure): FigureStatus {
  if (figure.value === undefined) return 'not-measured';
  const t = figure.target;
  if (t === undefined) return 'no-target';
  const ok = t.kind === 'min' ? figure.value >= t.value : figure.value < t.value;
  return ok ? 'met' : 'missed';
}

function amount(n: number, unit: string): string {
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`;
}

export function describeTarget(figure: Figure): string {
  const t = figure.target;
  if (t === undefined) return '';
  return `${t.kind === 'min' ? '>=' : '<'} ${amount(t.value, figure.unit)} (${t.why})`;
}

export const FIGURE_HEADINGS = ['figure', 'value', 'target', 'verdict'] as const;

export function figureCells(figure: Figure): string[] {
  const status = judgeFigure(figure);
  return [
    figure.name,
    figure.value === undefined ? 'n/a' : amount(figure.value, figure.unit),
    describeTarget(figure),
    status === 'no-target' ? '' : status.toUpperCase(),
  ];
}

/** A fixed-width table for the terminal. */
export function formatFigureTable(figures: readonly Figure[]): string {
  const rows = [[...FIGURE_HEADINGS], ...figures.map(figureCells)];
  const widths = FIGURE_HEADINGS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatFigureMarkdownTable(figures: readonly Figure[]): string[] {
  const escape = (s: string): string => s.replaceAll('|', '\\|');
  return [
    `| ${FIGURE_HEADINGS.join(' | ')} |`,
    '| --- | ---: | --- | --- |',
    ...figures.map((f) => `| ${figureCells(f).map(escape).join(' | ')} |`),
  ];
}

export function anyFigureMissed(figures: readonly Figure[]): boolean {
  return figures.some((f) => {
    const s = judgeFigure(f);
    return s === 'missed' || (s === 'not-measured' && f.target !== undefined);
  });
}
