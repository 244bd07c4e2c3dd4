import { describe, expect, it } from 'vitest';
import { fromDisplayHex, fromHex } from '../bytes.js';
import { GBT_VECTORS } from './block.fixtures.js';
import { LTC_2383207 } from './ltc-2383207.fixtures.js';
import { merkleRoot } from './merkle.js';
import { decodeTx } from './transaction.js';
import { findWitnessCommitment, witnessCommitmentScript } from './witness.js';

describe('witness commitment', () => {
  it.each(GBT_VECTORS.map((v) => [v.name, v] as const))(
    '%s: computed from the transactions equals default_witness_commitment',
    (_, v) => {
      // Arrange
      const wtxids = v.raw.transactions.map((t) => fromDisplayHex(t.hash));
      // Act
      const script = witnessCommitmentScript(wtxids);
      // Assert
      expect(v.raw.default_witness_commitment).toBeDefined();
      expect(script.toString('hex')).toBe(v.raw.default_witness_commitment);
      expect(
        script.equals(witnessCommitmentScript(v.template.transactions.map((t) => t.wtxid))),
      ).toBe(true);
    },
  );

  it('MWEB template: the HogEx (last transaction, wtxid = txid) is one of the committed leaves', () => {
    // Arrange
    const mweb = GBT_VECTORS.find((v) => v.template.mweb !== undefined);
    const txs = mweb?.template.transactions ?? [];
    const hogex = txs[txs.length - 1];
    // Act
    const without = witnessCommitmentScript(txs.slice(0, -1).map((t) => t.wtxid));
    // Assert
    expect(txs).toHaveLength(2);
    expect(hogex?.wtxid.equals(hogex.txid)).toBe(true);
    expect(hogex?.data[5]).toBe(0x08); // the MWEB flag of the HogEx serialization
    expect(without.toString('hex')).not.toBe(mweb?.raw.default_witness_commitment);
  });

  it('litecoin mainnet 2,383,207 (MWEB): commitment over all wtxids incl. HogEx is the one mined', () => {
    // Arrange
    const decoded = LTC_2383207.transactions.map((t) => decodeTx(fromHex(t.hex)));
    const txs = decoded.map((d) => (d.ok ? d.tx : undefined));
    const coinbase = txs[0];
    // Act
    const script = witnessCommitmentScript(txs.slice(1).map((t) => t!.wtxid));
    const found = findWitnessCommitment(coinbase?.outputs.map((o) => o.scriptPubKey) ?? []);
    const root = merkleRoot(txs.map((t) => t!.txid));
    // Assert
    expect(script.toString('hex')).toBe(LTC_2383207.witnessCommitment);
    expect(found?.equals(script.subarray(6))).toBe(true);
    expect(root.equals(fromDisplayHex(LTC_2383207.merkleRoot))).toBe(true);
  });

  it('findWitnessCommitment takes the last matching output and ignores others', () => {
    // Arrange
    const a = Buffer.concat([fromHex('6a24aa21a9ed'), Buffer.alloc(32, 1)]);
    const b = Buffer.concat([fromHex('6a24aa21a9ed'), Buffer.alloc(32, 2), fromHex('ff')]);
    const other = fromHex('6a0401020304');
    // Act / Assert
    expect(findWitnessCommitment([a, b, other])?.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(findWitnessCommitment([other])).toBeUndefined();
  });
});
