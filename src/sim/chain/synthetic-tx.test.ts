import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTx } from '../../pool/core/block/index.js';
import { toDisplayHex } from '../../pool/core/bytes.js';
import { createRng } from '../../runtime/index.js';
import { syntheticTx } from './synthetic-tx.js';

const OPTS = { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 0.8 } };

describe('syntheticTx', () => {
  it('property: serializes a transaction the block decoder reads back with the same txid, wtxid and weight', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (seed, segwit) => {
        // Arrange
        const tx = syntheticTx(createRng(seed), { ...OPTS, segwit });
        // Act
        const decoded = decodeTx(tx.data);
        // Assert
        expect(decoded.ok).toBe(true);
        if (!decoded.ok) return;
        expect(decoded.tx.size).toBe(tx.data.length);
        expect(decoded.tx.txid).toEqual(tx.txid);
        expect(decoded.tx.wtxid).toEqual(tx.wtxid);
        expect(toDisplayHex(tx.txid)).toBe(tx.txidHex);
        expect(decoded.tx.outputs).toEqual(tx.outputs);
        const hasWitness = decoded.tx.inputs.some((i) => i.witness.length > 0);
        expect(hasWitness).toBe(!tx.txid.equals(tx.wtxid));
        if (!segwit) expect(hasWitness).toBe(false);
        const witnessBytes = hasWitness ? tx.data.length - strippedLength(decoded.tx) : 0;
        expect(tx.weight).toBe((tx.data.length - witnessBytes) * 3 + tx.data.length);
        expect(tx.feeSats).toBeGreaterThanOrEqual(BigInt(Math.ceil(tx.weight / 4)));
      }),
    );
  });

  it('replays from its seed', () => {
    const a = syntheticTx(createRng('s'), OPTS);
    const b = syntheticTx(createRng('s'), OPTS);
    expect(a).toEqual(b);
    expect(syntheticTx(createRng('t'), OPTS).txidHex).not.toBe(a.txidHex);
  });

  it('spreads fee rates around the median (seeded, 2,000 draws)', () => {
    const rng = createRng('fees');
    const rates = Array.from({ length: 2000 }, () => {
      const tx = syntheticTx(rng, OPTS);
      return Number(tx.feeSats) / Math.ceil(tx.weight / 4);
    }).sort((x, y) => x - y);
    const median = rates[1000]!;
    expect(median).toBeGreaterThan(4.5);
    expect(median).toBeLessThan(5.7);
    expect(rates[100]!).toBeLessThan(median / 2);
    expect(rates[1900]!).toBeGreaterThan(median * 2);
  });
});

/** Serialized size without marker, flag and witnesses. */
function strippedLength(tx: {
  inputs: readonly { witness: readonly Buffer[] }[];
  size: number;
}): number {
  let w = 2;
  for (const i of tx.inputs) {
    w += 1;
    for (const item of i.witness) w += 1 + item.length;
  }
  return tx.size - w;
}
