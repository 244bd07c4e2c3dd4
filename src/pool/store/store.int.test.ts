import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { probePostgres, serviceGate } from '../../../test/support/services.js';
import { describeSchema } from './migrations/index.js';
import { openStore } from './store.js';
import { storeContract } from './store.contract.js';
import { dropSchema, runSchema } from './testing/pg-schema.js';
import { testDatabaseUrl } from './testing/service-urls.js';
import { share } from './testing/shares.js';

const databaseUrl = testDatabaseUrl();
const gate = await serviceGate('postgresql', () => probePostgres(databaseUrl));

describe.skipIf(gate.skip)('PostgreSQL store', () => {
  storeContract('PostgreSQL', async () => {
    const schema = runSchema('store');
    const store = await openStore({ databaseUrl, schema, poolSize: 4 });
    return {
      store,
      close: async () => {
        await store.close();
        await dropSchema(databaseUrl, schema);
      },
    };
  });

  it('migrates to the same schema as PGlite, column for column', async () => {
    // Arrange
    const schema = runSchema('shape');
    const server = await openStore({ databaseUrl, schema });
    const embedded = await openStore();
    try {
      // Act
      const [onServer, onPglite] = [
        await describeSchema(server.sql),
        await describeSchema(embedded.sql),
      ];
      // Assert
      expect(onServer.columns.length).toBeGreaterThan(50);
      expect(onServer).toEqual(onPglite);
    } finally {
      await Promise.all([server.close(), embedded.close()]);
      await dropSchema(databaseUrl, schema);
    }
  });

  it('acknowledges a durable share only once another connection can read it', async () => {
    // Arrange
    const schema = runSchema('durable');
    const store = await openStore({ databaseUrl, schema });
    const reader = new pg.Client({ connectionString: databaseUrl });
    await reader.connect();
    try {
      const ledger = store.shares.ledger({ scheduler: new WallScheduler(wallClock) });
      // Act
      await ledger.record(share('durable', 1));
      const seen = await reader.query(`SELECT count(*)::int AS n FROM ${schema}.shares`);
      const sync = await reader.query('SHOW synchronous_commit');
      await ledger.close();
      // Assert: committed before the answer; on disk too while synchronous_commit is on.
      expect(seen.rows).toEqual([{ n: 1 }]);
      expect(sync.rows).toEqual([{ synchronous_commit: 'on' }]);
    } finally {
      await reader.end();
      await store.close();
      await dropSchema(databaseUrl, schema);
    }
  });

  it('lets two processes migrate one empty schema at once, each migration applied once', async () => {
    const schema = runSchema('race');
    try {
      const [a, b] = await Promise.all([
        openStore({ databaseUrl, schema, poolSize: 1 }),
        openStore({ databaseUrl, schema, poolSize: 1 }),
      ]);
      const applied = [...a.migrations.applied, ...b.migrations.applied].sort();
      await Promise.all([a.close(), b.close()]);
      expect(applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await dropSchema(databaseUrl, schema);
    }
  });
});
