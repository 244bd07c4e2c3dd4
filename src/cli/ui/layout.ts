/** How wide the dashboard draws: 100 columns at most; below that the narrow layout. */

export const MAX_WIDTH = 100;
/** At or above this width the tables show their optional columns. */
export const WIDE_WIDTH = 100;
/** What a terminal that does not say its width is taken to be. */
export const DEFAULT_COLUMNS = 80;

export function dashboardWidth(columns: number | undefined): number {
  const known = columns !== undefined && columns > 0 ? Math.floor(columns) : DEFAULT_COLUMNS;
  return Math.min(known, MAX_WIDTH);
}

export function isWide(width: number): boolean {
  return width >= WIDE_WIDTH;
}
