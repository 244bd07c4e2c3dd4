import type { Migration } from './migration.js';

/**
 * The API's operators and what guards their sessions: argon2id password hashes, refresh
 * tokens (only their SHA-256 is kept; a family is every token rotated from one login, so a
 * reused token can revoke all of it), TOTP secrets with the last time step used (a code
 * works once), single-use backup codes (hashed), and the failed-login count behind lockout.
 * Also what operators set for the pool to obey: bans and payout holds.
 */
export const operators: Migration = {
  version: 7,
  name: 'operators',
  sql: `
CREATE TABLE operators (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username TEXT NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
  disabled BOOLEAN NOT NULL DEFAULT false,
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until_ms BIGINT,
  mfa_secret TEXT,
  mfa_enabled BOOLEAN NOT NULL DEFAULT false,
  mfa_last_step BIGINT,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  CHECK (NOT mfa_enabled OR mfa_secret IS NOT NULL)
);

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  family_id TEXT NOT NULL,
  operator_id BIGINT NOT NULL REFERENCES operators (id),
  issued_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL,
  used_ms BIGINT,
  revoked_ms BIGINT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_operator ON refresh_tokens (operator_id);

CREATE TABLE backup_codes (
  operator_id BIGINT NOT NULL REFERENCES operators (id),
  code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
  created_ms BIGINT NOT NULL,
  used_ms BIGINT,
  PRIMARY KEY (operator_id, code_hash)
);

CREATE TABLE bans (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ip', 'address')),
  value TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 128),
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT,
  lifted_by TEXT,
  lifted_ms BIGINT
);
CREATE INDEX bans_active ON bans (kind, value) WHERE lifted_ms IS NULL;

CREATE TABLE payout_holds (
  network TEXT PRIMARY KEY REFERENCES networks (id),
  reason TEXT NOT NULL,
  held_by TEXT NOT NULL,
  held_ms BIGINT NOT NULL
);
`,
};
