import type { Migration } from './migration.js';

/**
 * Accepted shares, append-only, and their archive. The id orders them: PPLNS reads a network's
 * shares newest first by id through shares_network_newest. Shares carry no foreign keys: this
 * is the hottest insert in the pool and every row would pay for the check.
 *
 * Difficulty is the exact rational the share was judged at; work (expected hashes) is what
 * PPLNS weighs; hash is the proof-of-work value as 64 lower-case hex digits, so text order is
 * numeric order (best-share statistics).
 */
export const shares: Migration = {
  version: 3,
  name: 'shares',
  sql: `
CREATE TABLE shares (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  network TEXT NOT NULL,
  address TEXT NOT NULL,
  worker TEXT NOT NULL,
  session_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  difficulty_num NUMERIC NOT NULL CHECK (difficulty_num > 0),
  difficulty_den NUMERIC NOT NULL CHECK (difficulty_den > 0),
  work NUMERIC(78, 0) NOT NULL CHECK (work > 0),
  hash TEXT NOT NULL CHECK (length(hash) = 64),
  time_ms BIGINT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'block'))
);
CREATE INDEX shares_network_newest ON shares (network, id DESC);

-- Shares older than every open PPLNS window, moved here by pruning when archiving is asked.
CREATE TABLE shares_archive (
  id BIGINT PRIMARY KEY,
  network TEXT NOT NULL,
  address TEXT NOT NULL,
  worker TEXT NOT NULL,
  session_id TEXT NOT NULL,
  job_id TEXT NOT NULL,
  difficulty_num NUMERIC NOT NULL,
  difficulty_den NUMERIC NOT NULL,
  work NUMERIC(78, 0) NOT NULL,
  hash TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  verdict TEXT NOT NULL
);
`,
};
