import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A schema name of its own for one test run, so runs never share tables. */
export function runSchema(label: string): string {
  return `chimera_${label}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Drops a run's schema and everything in it. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
