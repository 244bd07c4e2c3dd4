/**
 * Fixed-width text cells, shared by the Ink tables and the plain tables, so a long name is cut
 * with '…' where it stands instead of pushing the rest of its row out of line.
 */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly width: number;
  readonly align?: Align;
}

/** Width in terminal columns, counted in code points (the figures here are ASCII). */
export function textWidth(text: string): number {
  return [...text].length;
}

/** Pads or cuts `text` to exactly `width` columns; a cut ends in '…'. */
export function fit(text: string, width: number, align: Align = 'left'): string {
  if (width <= 0) return '';
  const flat = text.replace(/\s*\r?\n\s*/g, ' ');
  const chars = [...flat];
  if (chars.length > width) return `${chars.slice(0, width - 1).join('')}…`;
  const pad = ' '.repeat(width - chars.length);
  return align === 'right' ? pad + flat : flat + pad;
}

/**
 * Plain table lines: each column as wide as its widest cell, two spaces between columns,
 * no trailing blanks.
 */
export function plainTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string[] {
  const widths = header.map((h, i) =>
    Math.max(textWidth(h), ...rows.map((row) => textWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    widths
      .map((width, i) => fit(cells[i] ?? '', width, align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
