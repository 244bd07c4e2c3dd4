import { textOf } from '../sql/rows.js';
import type { SqlExecutor } from '../sql/sql-client.js';

/**
 * A description of the tables in the current schema, in a form that does not depend on the
 * server: columns with types, nullability and defaults, constraints, indexes and triggers.
 * Two adapters migrated by the same code must describe the same schema. (PostgreSQL 17,
 * which PGlite is, also lists NOT NULL as constraints; the columns already say it.)
 */
export interface SchemaShape {
  readonly columns: readonly string[];
  readonly constraints: readonly string[];
  readonly indexes: readonly string[];
  readonly triggers: readonly string[];
}

export async function describeSchema(sql: SqlExecutor): Promise<SchemaShape> {
  const columns = await lines(
    sql,
    `SELECT table_name || '.' || column_name || ' ' || data_type
        || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
        || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
        || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
        || coalesce(' default ' || column_default, '') AS line
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const constraints = await lines(
    sql,
    `SELECT c.conrelid::regclass::text || ' ' || c.contype::text || ' ' || pg_get_constraintdef(c.oid) AS line
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = current_schema() AND c.contype <> 'n'`,
  );
  const indexes = await lines(
    sql,
    `SELECT replace(indexdef, schemaname || '.', '') AS line
       FROM pg_indexes WHERE schemaname = current_schema()`,
  );
  const triggers = await lines(
    sql,
    `SELECT event_object_table || ' ' || trigger_name || ' ' || action_timing || ' '
        || event_manipulation AS line
       FROM information_schema.triggers WHERE trigger_schema = current_schema()`,
  );
  return { columns, constraints, indexes, triggers };
}

async function lines(sql: SqlExecutor, query: string): Promise<string[]> {
  const { rows } = await sql.query(query);
  return rows.map((r) => textOf(r, 'line')).sort();
}
