import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../../runtime/index.js';
import type { AckMode } from '../ledger/share-ledger.js';
import { textOf } from '../sql/rows.js';
import { storeOver, type Store } from '../store.js';
import { FaultySql, type Fault } from '../testing/faulty-sql.js';
import { ScheduledSql } from '../testing/scheduled-sql.js';
import { share, uniqueNetwork } from '../testing/shares.js';

type Op =
  | { readonly kind: 'record' }
  | { readonly kind: 'flush' }
  | { readonly kind: 'advance'; readonly ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'record' } as const) },
  fc.constant({ kind: 'flush' } as const),
  fc.integer({ min: 1, max: 8 }).map((ms) => ({ kind: 'advance', ms }) as const),
);

const faultArb = fc.constantFrom<Fault>('none', 'none', 'before', 'after-write');

/**
 * Records, timer ticks, explicit flushes, transaction completions and failures in any order
 * a fast-check scheduler picks: no share is lost, none is stored twice, and the stored order
 * is the order of the calls.
 */
export function ledgerRaceContract(store: () => Store): void {
  describe('share ledger under races', () => {
    it('loses and duplicates no share, whatever the interleaving', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.scheduler(),
          fc.constantFrom<AckMode>('durable', 'ack-then-write'),
          fc.array(opArb, { minLength: 1, maxLength: 24 }),
          fc.array(faultArb, { maxLength: 8 }),
          async (s, mode, ops, faults) => {
            // Arrange
            const vt = new VirtualTime(0);
            const network = uniqueNetwork(`race-${mode}`);
            const pendingFaults = [...faults];
            const faulty = new FaultySql(store().sql, () => pendingFaults.shift() ?? 'none');
            const sql = new ScheduledSql(faulty, s);
            const ledger = storeOver(sql, store().migrations).shares.ledger({
              scheduler: vt,
              mode,
              maxBatch: 3,
              flushIntervalMs: 4,
              retryDelayMs: 3,
              onWriteError: () => undefined,
            });
            const outcomes: ('pending' | 'ok' | 'failed')[] = [];
            const settled: Promise<void>[] = [];
            const side: Promise<unknown>[] = [];
            // Act
            for (const op of ops) {
              side.push(
                s.schedule(Promise.resolve(), op.kind).then(() => {
                  if (op.kind === 'record') {
                    const n = outcomes.push('pending') - 1;
                    settled.push(
                      ledger.record(share(network, n)).then(
                        () => void (outcomes[n] = 'ok'),
                        () => void (outcomes[n] = 'failed'),
                      ),
                    );
                    return undefined;
                  }
                  return op.kind === 'flush' ? ledger.flush() : vt.advanceBy(op.ms);
                }),
              );
            }
            await s.waitFor(Promise.all(side));
            // Closing writes what is still queued; every record has settled after it.
            let closeFailed = false;
            await s.waitFor(ledger.close().catch(() => void (closeFailed = true)));
            await Promise.all(settled);
            // Assert
            const { rows } = await store().sql.query(
              'SELECT job_id FROM shares WHERE network = $1 ORDER BY id',
              [network],
            );
            const stored = rows.map((r) => textOf(r, 'job_id'));
            const called = outcomes.map((_, n) => `job-${n}`);
            expect(outcomes).not.toContain('pending');
            if (mode === 'durable') {
              expect(stored).toEqual(called.filter((_, n) => outcomes[n] === 'ok'));
            } else {
              const unwritten = ledger.stats().queued;
              expect(closeFailed).toBe(unwritten > 0);
              expect(stored).toEqual(called.slice(0, called.length - unwritten));
              expect(outcomes.every((o) => o === 'ok')).toBe(true);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });
}
