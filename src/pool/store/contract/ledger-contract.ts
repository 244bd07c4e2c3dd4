import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../../runtime/index.js';
import { bigintOf, numberOf, textOf } from '../sql/rows.js';
import type { SqlClient, SqlExecutor } from '../sql/sql-client.js';
import type { Store } from '../store.js';
import { FaultySql, type Fault } from '../testing/faulty-sql.js';
import { share, uniqueNetwork } from '../testing/shares.js';
import { storeOver } from '../store.js';

/** Lets promise callbacks and in-process database work run (PGlite answers in a few ticks). */
async function ticks(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
}

export async function jobIds(store: Store, network: string): Promise<string[]> {
  const { rows } = await store.sql.query(
    'SELECT job_id FROM shares WHERE network = $1 ORDER BY id',
    [network],
  );
  return rows.map((r) => textOf(r, 'job_id'));
}

/** The share ledger: group commit, both acknowledgement modes, failures, bounds. */
export function ledgerContract(store: () => Store): void {
  describe('share ledger', () => {
    it('resolves a durable record only once its batch committed, with every field exact', async () => {
      // Arrange: transactions that wait for the test before committing.
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('durable');
      let commit = (): void => undefined;
      const held = new Promise<void>((resolve) => (commit = resolve));
      const inner = store().sql;
      const gated = Object.assign(Object.create(inner) as SqlClient, {
        transaction: <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
          inner.transaction(async (tx) => {
            const value = await fn(tx);
            await held;
            return value;
          }),
      });
      const ledger = storeOver(gated, store().migrations).shares.ledger({
        scheduler: vt,
        flushIntervalMs: 5,
      });
      const big = share(network, 1, { work: (1n << 100n) + 7n, hash: (1n << 255n) + 3n });
      let done = false;
      // Act
      const recorded = ledger.record(big).then(() => {
        done = true;
      });
      await ticks();
      const beforeTimer = await jobIds(store(), network);
      await vt.advanceBy(5);
      await ticks(200);
      const beforeCommit = done;
      commit();
      await recorded;
      // Assert
      expect(beforeTimer).toEqual([]);
      expect(beforeCommit).toBe(false);
      expect(done).toBe(true);
      const { rows } = await store().sql.query('SELECT * FROM shares WHERE network = $1', [
        network,
      ]);
      const row = rows[0] ?? {};
      expect(bigintOf(row, 'work')).toBe((1n << 100n) + 7n);
      expect(textOf(row, 'hash')).toBe(((1n << 255n) + 3n).toString(16));
      expect([bigintOf(row, 'difficulty_num'), bigintOf(row, 'difficulty_den')]).toEqual([
        1n,
        1000n,
      ]);
      expect(numberOf(row, 'time_ms')).toBe(big.timeMs);
      expect(textOf(row, 'verdict')).toBe('accepted');
      await ledger.close();
    });

    it('writes a full batch at once, in one transaction, ids in record order', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('batch');
      const sql = new FaultySql(store().sql, () => 'none');
      const ledger = storeOver(sql, store().migrations).shares.ledger({
        scheduler: vt,
        flushIntervalMs: 1_000,
        maxBatch: 4,
      });
      const all = Promise.all([0, 1, 2, 3].map((i) => ledger.record(share(network, i))));
      await all;
      expect(sql.transactions).toBe(1);
      expect(await jobIds(store(), network)).toEqual(['job-0', 'job-1', 'job-2', 'job-3']);
      expect(ledger.stats()).toMatchObject({ committedShares: 4, committedBatches: 1, queued: 0 });
      await ledger.close();
    });

    it('rejects every share of a failed batch, stores none of it, and goes on after', async () => {
      for (const fault of ['before', 'after-write'] as const) {
        const vt = new VirtualTime(0);
        const network = uniqueNetwork(`fail-${fault}`);
        const faults: Fault[] = [fault];
        const errors: unknown[] = [];
        const sql = new FaultySql(store().sql, () => faults.shift() ?? 'none');
        const ledger = storeOver(sql, store().migrations).shares.ledger({
          scheduler: vt,
          maxBatch: 2,
          retryDelayMs: 50,
          onWriteError: (e) => errors.push(e),
        });
        const failed = [ledger.record(share(network, 0)), ledger.record(share(network, 1))];
        for (const p of failed) await expect(p).rejects.toThrow('LEDGER_WRITE_FAILED');
        const later = ledger.record(share(network, 2));
        await vt.advanceBy(50);
        await later;
        expect(await jobIds(store(), network)).toEqual(['job-2']);
        expect(errors).toHaveLength(1);
        expect(ledger.stats().failedBatches).toBe(1);
        await ledger.close();
      }
    });

    it('refuses an impossible share alone, and any share after close', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('bad');
      const ledger = store().shares.ledger({ scheduler: vt });
      const good = ledger.record(share(network, 1));
      await expect(ledger.record(share(network, 2, { work: 0n }))).rejects.toThrow(
        'LEDGER_BAD_SHARE',
      );
      await expect(ledger.record(share(network, 3, { hash: 1n << 256n }))).rejects.toThrow(
        'LEDGER_BAD_SHARE',
      );
      await ledger.close();
      await good;
      expect(await jobIds(store(), network)).toEqual(['job-1']);
      await expect(ledger.record(share(network, 4))).rejects.toThrow('LEDGER_CLOSED');
    });

    it('bounds its queue: beyond maxQueued a record is refused, not held', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('full');
      const ledger = store().shares.ledger({ scheduler: vt, maxQueued: 2, maxBatch: 10 });
      const held = [ledger.record(share(network, 0)), ledger.record(share(network, 1))];
      await expect(ledger.record(share(network, 2))).rejects.toThrow('LEDGER_OVERLOADED');
      await ledger.close();
      await Promise.all(held);
      expect(await jobIds(store(), network)).toEqual(['job-0', 'job-1']);
    });

    it('in ack-then-write mode resolves at once, retries a failed batch, writes it once', async () => {
      // Arrange
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('ack');
      const faults: Fault[] = ['after-write', 'before'];
      const sql = new FaultySql(store().sql, () => faults.shift() ?? 'none');
      const ledger = storeOver(sql, store().migrations).shares.ledger({
        scheduler: vt,
        mode: 'ack-then-write',
        flushIntervalMs: 5,
        retryDelayMs: 20,
      });
      // Act
      await ledger.record(share(network, 0));
      await ledger.record(share(network, 1));
      const storedAtAck = await jobIds(store(), network);
      for (let i = 0; i < 4; i++) {
        await vt.advanceBy(20);
        await ledger.flush();
      }
      await ledger.record(share(network, 2));
      await ledger.close();
      // Assert
      expect(storedAtAck).toEqual([]);
      expect(await jobIds(store(), network)).toEqual(['job-0', 'job-1', 'job-2']);
      expect(ledger.stats()).toMatchObject({ failedBatches: 2, queued: 0, committedShares: 3 });
    });

    it('in ack-then-write mode makes close fail, not hang, when shares cannot be written', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('ack-lost');
      const sql = new FaultySql(store().sql, () => 'before');
      const ledger = storeOver(sql, store().migrations).shares.ledger({
        scheduler: vt,
        mode: 'ack-then-write',
        maxBatch: 1,
        onWriteError: () => undefined,
      });
      for (const i of [0, 1, 2]) await ledger.record(share(network, i));
      await expect(ledger.close()).rejects.toThrow('LEDGER_WRITE_FAILED');
      // One try when the first share filled a batch, one by close; then close gives up.
      expect(ledger.stats()).toMatchObject({ queued: 3, failedBatches: 2 });
      expect(await jobIds(store(), network)).toEqual([]);
    });

    it('keeps miners and workers of each network, first and last seen', async () => {
      const vt = new VirtualTime(0);
      const network = uniqueNetwork('seen');
      const ledger = store().shares.ledger({ scheduler: vt });
      await Promise.all([
        ledger.record(share(network, 0, { address: 'a', worker: 'w1', timeMs: 1000 })),
        ledger.record(share(network, 1, { address: 'a', worker: 'w2', timeMs: 3000 })),
        ledger.record(share(network, 2, { address: 'b', worker: '', timeMs: 2000 })),
        ledger.close(),
      ]);
      const { rows } = await store().sql.query(
        `SELECT address || '.' || name AS w, first_seen_ms, last_seen_ms FROM workers
          WHERE network = $1 ORDER BY 1`,
        [network],
      );
      expect(rows.map((r) => [textOf(r, 'w'), numberOf(r, 'first_seen_ms')])).toEqual([
        ['a.w1', 1000],
        ['a.w2', 3000],
        ['b.', 2000],
      ]);
      const miners = await store().sql.query(
        'SELECT address, first_seen_ms, last_seen_ms FROM miners WHERE network = $1 ORDER BY 1',
        [network],
      );
      expect(miners.rows.map((r) => numberOf(r, 'last_seen_ms'))).toEqual([3000, 2000]);
    });
  });
}
