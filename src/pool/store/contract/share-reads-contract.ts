import { describe, expect, it } from 'vitest';
import { selectWindow } from '../../core/payouts/window.js';
import { splitPplns } from '../../core/payouts/split.js';
import { VirtualTime } from '../../../runtime/index.js';
import { collectWindow } from '../ledger/pplns-window.js';
import { numberOf } from '../sql/rows.js';
import type { Store } from '../store.js';
import { networkConfig, share, uniqueNetwork } from '../testing/shares.js';
import { jobIds } from './ledger-contract.js';

/** Reading the share log back: newest first, PPLNS windows, pruning. */
export function shareReadsContract(store: () => Store): void {
  describe('share reads', () => {
    it('pages newest first across page boundaries, one network only', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('pages');
      const other = uniqueNetwork('pages-other');
      const ledger = store().shares.ledger({ scheduler: vt, maxBatch: 50 });
      const records = [];
      for (let i = 0; i < 23; i++) {
        records.push(ledger.record(share(network, i)), ledger.record(share(other, i)));
      }
      await ledger.close();
      await Promise.all(records);
      const seen = [];
      for await (const s of store().shares.newestFirst(network, { pageSize: 5 })) seen.push(s);
      expect(seen.map((s) => s.work)).toEqual(
        Array.from({ length: 23 }, (_, i) => share(network, 22 - i).work),
      );
      expect(seen.map((s) => s.id)).toEqual(
        [...seen.map((s) => s.id)].sort((a, b) => (a > b ? -1 : 1)),
      );
      expect(await store().shares.newestId(network)).toBe(seen[0]?.id);
    });

    it('reads the same PPLNS window and split as selectWindow over the raw shares', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('window');
      const ledger = store().shares.ledger({ scheduler: vt, maxBatch: 100 });
      const shares = Array.from({ length: 40 }, (_, i) =>
        share(network, i, { address: `acct-${(i * 7) % 6}`, work: BigInt(1 + ((i * 37) % 11)) }),
      );
      await Promise.all([...shares.map((s) => ledger.record(s)), ledger.close()]);
      const raw = [...shares].reverse().map((s) => ({ account: s.address, work: s.work }));
      const total = raw.reduce((s, x) => s + x.work, 0n);
      for (const windowWork of [0n, 1n, 13n, 57n, total - 1n, total, total + 10n]) {
        for (const pageSize of [3, 7, 1000]) {
          const window = await store().shares.window(network, windowWork, { pageSize });
          const expected = selectWindow(raw, windowWork);
          expect(splitPplns(window.byAccount, 1_000_003n, 150)).toEqual(
            splitPplns(expected, 1_000_003n, 150),
          );
          expect(window.shareCount).toBe(expected.length);
          expect(window.work).toBe(expected.reduce((s, x) => s + x.work, 0n));
          const streamed = await collectWindow(store().shares.newestFirst(network), windowWork);
          expect(window).toEqual(streamed);
        }
      }
    });

    it('reads a window ending at a given share', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('window-end');
      const ledger = store().shares.ledger({ scheduler: vt });
      await Promise.all([
        ...[0, 1, 2, 3].map((i) => ledger.record(share(network, i, { work: 10n }))),
        ledger.close(),
      ]);
      const ids = [];
      for await (const s of store().shares.newestFirst(network)) ids.push(s.id);
      const window = await store().shares.window(network, 15n, { upToShareId: ids[1] });
      expect(window).toMatchObject({
        work: 15n,
        shareCount: 2,
        newestShareId: ids[1],
        oldestShareId: ids[2],
      });
    });

    it('prunes, or archives, only shares older than every open window', async () => {
      // Arrange: 30 shares of work 10; keep 95, so the 10 newest stay (the 10th clipped).
      const vt = new VirtualTime(0);
      for (const archive of [false, true]) {
        const network = uniqueNetwork(`prune-${archive}`);
        await store().networks.upsert(networkConfig(network), 0);
        const ledger = store().shares.ledger({ scheduler: vt, maxBatch: 100 });
        const all = Array.from({ length: 30 }, (_, i) =>
          ledger.record(share(network, i, { work: 10n })),
        );
        await Promise.all([...all, ledger.close()]);
        const before = await store().shares.window(network, 95n);
        await store().blocks.recordFound({
          network,
          hash: 'ab'.repeat(32),
          height: 1,
          rewardSats: 100n,
          foundByAddress: 'addr-0',
          foundByWorker: 'rig0',
          foundMs: 1,
        });
        // Act
        const deferred = await store().shares.prune(network, { keepWork: 95n, archive });
        await store().blocks.credit(
          network,
          'ab'.repeat(32),
          {
            split: splitPplns(before.byAccount, 100n, 0),
            endShareId: before.newestShareId ?? 0n,
            work: before.work,
          },
          2,
        );
        const pruned = await store().shares.prune(network, {
          keepWork: 95n,
          archive,
          chunkSize: 7,
        });
        // Assert
        expect(deferred).toEqual({ kind: 'deferred', uncreditedBlocks: 1 });
        expect(pruned).toEqual({
          kind: 'pruned',
          keptFromShareId: before.oldestShareId,
          removed: 20,
          archived: archive,
        });
        expect(await jobIds(store(), network)).toEqual(
          Array.from({ length: 10 }, (_, i) => `job-${20 + i}`),
        );
        expect(await store().shares.window(network, 95n)).toEqual(before);
        const { rows } = await store().sql.query(
          'SELECT count(*) AS n FROM shares_archive WHERE network = $1',
          [network],
        );
        expect(numberOf(rows[0] ?? {}, 'n')).toBe(archive ? 20 : 0);
      }
    });
  });
}
