import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../migrations/index.js';
import { bigintOf, numberOf, textOf } from '../sql/rows.js';
import type { Store } from '../store.js';

/** The SQL seam and the migrations: what every adapter must do alike. */
export function sqlContract(store: () => Store): void {
  describe('SQL client', () => {
    it('round-trips int8 and numeric exactly, as text, from bigint parameters', async () => {
      // Arrange
      const big = (1n << 200n) + 12345n;
      const int8Max = (1n << 63n) - 1n;
      // Act
      const { rows } = await store().sql.query(
        'SELECT $1::numeric AS big, $2::int8 AS i8, ARRAY[$2::int8] AS arr, 7::int4 AS small',
        [big, int8Max],
      );
      // Assert
      const row = rows[0] ?? {};
      expect(bigintOf(row, 'big')).toBe(big);
      expect(bigintOf(row, 'i8')).toBe(int8Max);
      expect(row['arr']).toEqual([int8Max.toString()]);
      expect(numberOf(row, 'small')).toBe(7);
    });

    it('commits a transaction that resolves and rolls back one that throws', async () => {
      const sql = store().sql;
      await sql.exec('CREATE TABLE IF NOT EXISTS contract_tx (k TEXT PRIMARY KEY)');
      await sql.transaction((tx) => tx.query(`INSERT INTO contract_tx VALUES ('kept')`));
      const failure = sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO contract_tx VALUES ('lost')`);
        throw new Error('body failed');
      });
      await expect(failure).rejects.toThrow('body failed');
      const { rows } = await sql.query('SELECT k FROM contract_tx ORDER BY k');
      expect(rows.map((r) => textOf(r, 'k'))).toEqual(['kept']);
      await sql.exec('DROP TABLE contract_tx');
    });

    it('counts rows changed and rows returned', async () => {
      const sql = store().sql;
      await sql.exec('CREATE TABLE IF NOT EXISTS contract_count (n INT)');
      const inserted = await sql.query('INSERT INTO contract_count SELECT generate_series(1, 5)');
      const updated = await sql.query('UPDATE contract_count SET n = n + 1 WHERE n > 2');
      const selected = await sql.query('SELECT n FROM contract_count');
      expect([inserted.rowCount, updated.rowCount, selected.rowCount]).toEqual([5, 3, 5]);
      await sql.exec('DROP TABLE contract_count');
    });
  });

  describe('migrations', () => {
    it('applied every migration once; running again applies nothing', async () => {
      const again = await migrate(store().sql, MIGRATIONS);
      expect(again.applied).toEqual([]);
      expect(again.present).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('refuses to run when an applied migration was edited', async () => {
      const edited = MIGRATIONS.map((m, i) => (i === 2 ? { ...m, sql: `${m.sql}\n-- edit` } : m));
      await expect(migrate(store().sql, edited)).rejects.toThrow('STORE_MIGRATION_CHANGED');
    });

    it('refuses a database that is ahead of the code, and a list out of order', async () => {
      await expect(migrate(store().sql, MIGRATIONS.slice(0, -1))).rejects.toThrow(
        'STORE_MIGRATION_UNKNOWN',
      );
      const swapped = [MIGRATIONS[1]!, MIGRATIONS[0]!, ...MIGRATIONS.slice(2)];
      await expect(migrate(store().sql, swapped)).rejects.toThrow('STORE_MIGRATION_ORDER');
    });

    it('rolls back a failing migration entirely, with its record', async () => {
      // Arrange: a next migration that creates a table and then fails.
      const broken = {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE contract_half (a INT); SELECT no_such_function();',
      };
      // Act
      const run = migrate(store().sql, [...MIGRATIONS, broken]);
      // Assert
      await expect(run).rejects.toThrow(/no_such_function/);
      const { rows } = await store().sql.query(
        `SELECT (SELECT max(version) FROM schema_migrations) AS v,
                to_regclass('contract_half') IS NULL AS gone`,
      );
      expect(rows[0]).toEqual({ v: MIGRATIONS.length, gone: true });
    });

    it('keeps the audit log append-only in the database itself', async () => {
      const { audit, sql } = store();
      const id = await audit.record({ actor: 'ops', action: 'contract.check' }, 1);
      await expect(sql.query('UPDATE audit_log SET actor = $1', ['x'])).rejects.toThrow(
        /append-only/,
      );
      await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(sql.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      const entries = await audit.list(10, id - 1n);
      expect(entries[0]).toMatchObject({ id, actor: 'ops', action: 'contract.check', details: {} });
    });
  });
}
