/**
 * Text charts for report.md: they render the same in a terminal, in a CI log and on any
 * Markdown viewer (inline SVG is stripped by most), and they are deterministic.
 */
const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/**
 * One character per column: values averaged into at most `width` columns, scaled between
 * the smallest and largest. A column with no value is a space.
 */
export function sparkline(values: readonly (number | null)[], width = 60): string {
  const columns = resample(values, width);
  const present = columns.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  const low = Math.min(...present);
  const high = Math.max(...present);
  return columns
    .map((v) => {
      if (v === null) return ' ';
      if (high === low) return LEVELS[LEVELS.length - 1];
      const level = Math.round(((v - low) / (high - low)) * (LEVELS.length - 1));
      return LEVELS[level];
    })
    .join('');
}

/** Averages consecutive values into `width` columns (fewer values: one column each). */
export function resample(values: readonly (number | null)[], width: number): (number | null)[] {
  if (values.length <= width) return [...values];
  const columns: (number | null)[] = [];
  for (let c = 0; c < width; c++) {
    const from = Math.floor((c * values.length) / width);
    const to = Math.floor(((c + 1) * values.length) / width);
    const slice = values.slice(from, to).filter((v): v is number => v !== null);
    columns.push(slice.length === 0 ? null : slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  return columns;
}

/** A horizontal bar of `width` at most, proportional to value / max; at least one block if > 0. */
export function bar(value: number, max: number, width = 40): string {
  if (max <= 0 || value <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((value / max) * width)));
}
