import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../runtime/index.js';
import { Mempool, compareFeeRate } from './mempool.js';
import { syntheticTx } from './synthetic-tx.js';
import type { SimTx } from './types.js';

function tx(id: string, feeSats: bigint, weight: number, spends: string[] = []): SimTx {
  return {
    data: Buffer.from(id),
    txid: Buffer.alloc(32),
    wtxid: Buffer.alloc(32),
    txidHex: id,
    feeSats,
    weight,
    sigops: 1,
    spends: spends.map((txid) => ({ txid, vout: 0 })),
    outputs: [],
    origin: spends.length > 0 ? 'wallet' : 'synthetic',
  };
}

describe('Mempool', () => {
  it('selects by fee rate, skips what does not fit and still takes smaller ones', () => {
    // Arrange
    const pool = new Mempool();
    pool.add(tx('low', 400n, 400));
    pool.add(tx('big', 5_000n, 1_000));
    pool.add(tx('high', 1_000n, 200));
    // Act
    const picked = pool.select(700).map((t) => t.txidHex);
    // Assert
    expect(picked).toEqual(['high', 'low']);
  });

  it('puts a parent before its child even when the child pays more', () => {
    const pool = new Mempool();
    pool.add(tx('parent', 100n, 400));
    pool.add(tx('child', 10_000n, 400, ['parent']));
    pool.add(tx('other', 1_000n, 400));
    expect(pool.select(10_000).map((t) => t.txidHex)).toEqual(['other', 'parent', 'child']);
    expect(pool.select(800).map((t) => t.txidHex)).toEqual(['other', 'parent']);
  });

  it('evicts the cheapest synthetic transaction when full, and counts updates', () => {
    const pool = new Mempool(2);
    const before = pool.transactionsUpdated;
    pool.add(tx('a', 100n, 400));
    pool.add(tx('b', 50n, 400));
    expect(pool.add(tx('c', 10n, 400))).toBe(false);
    expect(pool.add(tx('d', 1_000n, 400))).toBe(true);
    expect(pool.all().map((t) => t.txidHex)).toEqual(['a', 'd']);
    expect(pool.transactionsUpdated).toBeGreaterThan(before);
  });

  it('property: a selection stays under the weight limit, in fee-rate order, and leaves nothing that fits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1_000, max: 40_000 }),
        fc.string(),
        (n, limit, seed) => {
          // Arrange
          const rng = createRng(seed);
          const pool = new Mempool();
          for (let i = 0; i < n; i++)
            pool.add(syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 1 } }));
          // Act
          const picked = pool.select(limit);
          // Assert
          expect(picked.reduce((w, t) => w + t.weight, 0)).toBeLessThanOrEqual(limit);
          for (let i = 1; i < picked.length; i++)
            expect(compareFeeRate(picked[i - 1]!, picked[i]!)).toBeGreaterThanOrEqual(0);
          const left = pool.all().filter((t) => !picked.includes(t));
          const room = limit - picked.reduce((w, t) => w + t.weight, 0);
          // Room only shrinks, so anything left that fits now also fitted at its turn.
          expect(left.filter((t) => t.weight <= room)).toEqual([]);
        },
      ),
    );
  });
});
