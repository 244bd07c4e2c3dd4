import {
  booleanOf,
  numberOf,
  numberOrNull,
  oneOf,
  onlyRow,
  textOf,
  textOrNull,
} from '../../pool/store/sql/rows.js';
import type { SqlClient, SqlRow } from '../../pool/store/sql/sql-client.js';
import { ROLES, type Role } from './roles.js';

export interface OperatorAccount {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly failedLogins: number;
  readonly lockedUntilMs: number | undefined;
  /** Set once enrolment started; used only when mfaEnabled. */
  readonly mfaSecret: string | undefined;
  readonly mfaEnabled: boolean;
  readonly createdMs: number;
}

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The operators table: accounts, their failed-login count and lock, their TOTP state. */
export class OperatorAccounts {
  constructor(private readonly sql: SqlClient) {}

  async create(
    account: { readonly username: string; readonly passwordHash: string; readonly role: Role },
    atMs: number,
  ): Promise<OperatorAccount | 'exists'> {
    const { rows } = await this.sql.query(
      `INSERT INTO operators (username, password_hash, role, created_ms, updated_ms)
       VALUES ($1, $2, $3, $4, $4) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [account.username, account.passwordHash, account.role, atMs],
    );
    return rows[0] === undefined ? 'exists' : accountOf(rows[0]);
  }

  async byUsername(username: string): Promise<OperatorAccount | undefined> {
    const { rows } = await this.sql.query('SELECT * FROM operators WHERE username = $1', [
      username,
    ]);
    return rows[0] === undefined ? undefined : accountOf(rows[0]);
  }

  async byId(id: string): Promise<OperatorAccount | undefined> {
    const { rows } = await this.sql.query('SELECT * FROM operators WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : accountOf(rows[0]);
  }

  async list(): Promise<OperatorAccount[]> {
    const { rows } = await this.sql.query('SELECT * FROM operators ORDER BY username');
    return rows.map(accountOf);
  }

  async count(): Promise<number> {
    const { rows } = await this.sql.query('SELECT count(*) AS n FROM operators');
    return numberOf(onlyRow(rows, 'operator count'), 'n');
  }

  /** Counts one failed login; returns the consecutive failures so far. */
  async failed(id: string, atMs: number): Promise<number> {
    const { rows } = await this.sql.query(
      `UPDATE operators SET failed_logins = failed_logins + 1, updated_ms = $2
        WHERE id = $1 RETURNING failed_logins`,
      [id, atMs],
    );
    return numberOf(onlyRow(rows, 'failed login'), 'failed_logins');
  }

  async lock(id: string, untilMs: number): Promise<void> {
    await this.sql.query('UPDATE operators SET locked_until_ms = $2 WHERE id = $1', [id, untilMs]);
  }

  /** A successful login, or an admin's unlock: the count starts again. */
  async clearFailures(id: string, atMs: number): Promise<void> {
    await this.sql.query(
      `UPDATE operators SET failed_logins = 0, locked_until_ms = NULL, updated_ms = $2
        WHERE id = $1`,
      [id, atMs],
    );
  }

  async update(
    id: string,
    change: { readonly role?: Role; readonly disabled?: boolean; readonly passwordHash?: string },
    atMs: number,
  ): Promise<void> {
    await this.sql.query(
      `UPDATE operators SET role = coalesce($2, role), disabled = coalesce($3, disabled),
              password_hash = coalesce($4, password_hash), updated_ms = $5 WHERE id = $1`,
      [id, change.role ?? null, change.disabled ?? null, change.passwordHash ?? null, atMs],
    );
  }

  /** Starts (or restarts) enrolment: a new secret, MFA not yet enforced. */
  async beginMfa(id: string, secretBase32: string, atMs: number): Promise<void> {
    await this.sql.query(
      `UPDATE operators SET mfa_secret = $2, mfa_enabled = false, mfa_last_step = NULL,
              updated_ms = $3 WHERE id = $1`,
      [id, secretBase32, atMs],
    );
  }

  async enableMfa(id: string, atMs: number): Promise<void> {
    await this.sql.query(
      'UPDATE operators SET mfa_enabled = true, updated_ms = $2 WHERE id = $1 AND mfa_secret IS NOT NULL',
      [id, atMs],
    );
  }

  /**
   * Claims a TOTP time step: true only for a step later than every one used before, so a
   * code (and every older one) works once, even with two logins racing.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `UPDATE operators SET mfa_last_step = $2
        WHERE id = $1 AND (mfa_last_step IS NULL OR mfa_last_step < $2)`,
      [id, step],
    );
    return rowCount === 1;
  }
}

function accountOf(row: SqlRow): OperatorAccount {
  return {
    id: textOf(row, 'id'),
    username: textOf(row, 'username'),
    passwordHash: textOf(row, 'password_hash'),
    role: oneOf(row, 'role', ROLES),
    disabled: booleanOf(row, 'disabled'),
    failedLogins: numberOf(row, 'failed_logins'),
    lockedUntilMs: numberOrNull(row, 'locked_until_ms') ?? undefined,
    mfaSecret: textOrNull(row, 'mfa_secret') ?? undefined,
    mfaEnabled: booleanOf(row, 'mfa_enabled'),
    createdMs: numberOf(row, 'created_ms'),
  };
}
