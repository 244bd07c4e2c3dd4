import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { openStore } from './store.js';
import { storeContract } from './store.contract.js';
import { share } from './testing/shares.js';

storeContract('PGlite in memory', async () => {
  const store = await openStore();
  return { store, close: () => store.close() };
});

describe('openStore', () => {
  it('keeps a PGlite data directory across a restart, migrated once', async () => {
    // Arrange
    const dataDir = await mkdtemp(join(tmpdir(), 'chimera-store-'));
    try {
      const first = await openStore({ dataDir });
      const ledger = first.shares.ledger({ scheduler: new VirtualTime(0) });
      await Promise.all([ledger.record(share('kept', 1)), ledger.close()]);
      await first.close();
      // Act
      const second = await openStore({ dataDir });
      const ids = [];
      for await (const s of second.shares.newestFirst('kept')) ids.push(s.id);
      await second.close();
      // Assert
      expect(first.migrations.applied).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(second.migrations).toEqual({ applied: [], present: [1, 2, 3, 4, 5, 6, 7] });
      expect(ids).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a database URL together with a data directory', async () => {
    await expect(
      openStore({ databaseUrl: 'postgres://127.0.0.1/x', dataDir: '/tmp/x' }),
    ).rejects.toThrow('STORE_CONFIG');
  });
});
