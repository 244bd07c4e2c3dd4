import type { SqlClient } from '../../pool/store/sql/sql-client.js';

/** Single-use backup codes, kept as SHA-256 (each carries 80 random bits). */
export class BackupCodes {
  constructor(private readonly sql: SqlClient) {}

  /** The operator's codes become exactly these; older ones stop working. */
  async replace(operatorId: string, codeHashes: readonly string[], atMs: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query('DELETE FROM backup_codes WHERE operator_id = $1', [operatorId]);
      await tx.query(
        `INSERT INTO backup_codes (operator_id, code_hash, created_ms)
         SELECT $1, h, $3 FROM unnest($2::text[]) AS h`,
        [operatorId, codeHashes, atMs],
      );
    });
  }

  /** Uses a code up; false when it is unknown or was used before. */
  async use(operatorId: string, codeHash: string, atMs: number): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `UPDATE backup_codes SET used_ms = $3
        WHERE operator_id = $1 AND code_hash = $2 AND used_ms IS NULL`,
      [operatorId, codeHash, atMs],
    );
    return rowCount === 1;
  }

  async remaining(operatorId: string): Promise<number> {
    const { rows } = await this.sql.query(
      'SELECT count(*) AS n FROM backup_codes WHERE operator_id = $1 AND used_ms IS NULL',
      [operatorId],
    );
    return Number(rows[0]?.['n'] ?? 0);
  }
}
