/**
 * One step of the schema. Applied migrations are never edited: the runner records a
 * checksum of each and refuses to start when the code's text no longer matches it.
 */
export interface Migration {
  /** 1, 2, 3... in the order they apply. */
  readonly version: number;
  readonly name: string;
  /** Plain SQL that both PostgreSQL and PGlite run unchanged. */
  readonly sql: string;
}
