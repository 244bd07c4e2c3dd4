import { numberOf, numberOrNull, textOf } from '../../pool/store/sql/rows.js';
import type { SqlClient } from '../../pool/store/sql/sql-client.js';

export interface NewRefreshToken {
  readonly tokenHash: string;
  readonly familyId: string;
  readonly operatorId: string;
  readonly issuedMs: number;
  readonly expiresMs: number;
}

export type RotateOutcome =
  | { readonly kind: 'rotated'; readonly operatorId: string; readonly familyId: string }
  | { readonly kind: 'unknown' | 'expired' | 'revoked' }
  /** The token was used before: someone holds a copy. Its whole family is now revoked. */
  | { readonly kind: 'reused'; readonly operatorId: string; readonly familyId: string };

/**
 * Refresh tokens, kept as SHA-256 only. Each refresh uses its token up and issues the next
 * of the same family (everything rotated from one login); presenting a used token revokes
 * the family, so a stolen token dies the moment either holder uses it twice.
 */
export class RefreshTokens {
  constructor(private readonly sql: SqlClient) {}

  async issue(token: NewRefreshToken): Promise<void> {
    await this.sql.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, operator_id, issued_ms, expires_ms)
       VALUES ($1, $2, $3, $4, $5)`,
      [token.tokenHash, token.familyId, token.operatorId, token.issuedMs, token.expiresMs],
    );
  }

  /** Uses `tokenHash` up and issues `next` in its family, in one transaction. */
  rotate(
    tokenHash: string,
    next: Omit<NewRefreshToken, 'familyId' | 'operatorId'>,
    nowMs: number,
  ): Promise<RotateOutcome> {
    return this.sql.transaction(async (tx): Promise<RotateOutcome> => {
      const { rows } = await tx.query(
        'SELECT * FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
        [tokenHash],
      );
      const row = rows[0];
      if (row === undefined) return { kind: 'unknown' };
      const familyId = textOf(row, 'family_id');
      const operatorId = textOf(row, 'operator_id');
      if (numberOrNull(row, 'revoked_ms') !== null) return { kind: 'revoked' };
      if (numberOrNull(row, 'used_ms') !== null) {
        await tx.query(
          'UPDATE refresh_tokens SET revoked_ms = $2 WHERE family_id = $1 AND revoked_ms IS NULL',
          [familyId, nowMs],
        );
        return { kind: 'reused', operatorId, familyId };
      }
      if (numberOf(row, 'expires_ms') <= nowMs) return { kind: 'expired' };
      await tx.query('UPDATE refresh_tokens SET used_ms = $2 WHERE token_hash = $1', [
        tokenHash,
        nowMs,
      ]);
      await tx.query(
        `INSERT INTO refresh_tokens (token_hash, family_id, operator_id, issued_ms, expires_ms)
         VALUES ($1, $2, $3, $4, $5)`,
        [next.tokenHash, familyId, operatorId, next.issuedMs, next.expiresMs],
      );
      return { kind: 'rotated', operatorId, familyId };
    });
  }

  /** Logout: the token's family is revoked. Returns the operator it belonged to. */
  async revokeFamilyOf(tokenHash: string, nowMs: number): Promise<string | undefined> {
    const { rows } = await this.sql.query(
      `UPDATE refresh_tokens SET revoked_ms = $2
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)
          AND revoked_ms IS NULL
        RETURNING operator_id`,
      [tokenHash, nowMs],
    );
    return rows[0] === undefined ? undefined : textOf(rows[0], 'operator_id');
  }

  /** Every session of an operator ends (disabled, password changed, role changed). */
  async revokeAllOf(operatorId: string, nowMs: number): Promise<number> {
    const { rowCount } = await this.sql.query(
      'UPDATE refresh_tokens SET revoked_ms = $2 WHERE operator_id = $1 AND revoked_ms IS NULL',
      [operatorId, nowMs],
    );
    return rowCount;
  }
}
