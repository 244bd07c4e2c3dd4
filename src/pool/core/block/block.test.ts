import { describe, expect, it } from 'vitest';
import { decodeAddress } from '../address/decode.js';
import { BITCOIN_REGTEST, LITECOIN_REGTEST } from '../address/params.js';
import { encodeAddress } from '../address/encode.js';
import { witnessScript } from '../address/script-pubkey.js';
import { decodeBlock } from './block-decode.js';
import { blockForShare, blockHex, serializeBlock } from './block.js';
import { coinbaseTxid } from './coinbase.js';
import type { BlockTemplate } from './template.js';
import { GBT_VECTORS } from './block.fixtures.js';
import { buildJob, headerForShare } from './job.js';
import { merkleRoot } from './merkle.js';
import { readHeightPush } from './script.js';
import { findWitnessCommitment, witnessCommitment } from './witness.js';

/** A regtest payout address per chain, decoded the way the pool would decode its config. */
function payoutScript(name: string): Buffer {
  const params = name.startsWith('bitcoind') ? BITCOIN_REGTEST : LITECOIN_REGTEST;
  const address = encodeAddress(witnessScript(0, Buffer.alloc(20, 0x42)), params);
  const decoded = decodeAddress(address, params);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.scriptPubKey;
}

describe('serializeBlock / blockForShare', () => {
  it.each(GBT_VECTORS.map((v) => [v.name, v] as const))(
    '%s: the block decodes to what the template and the share say',
    (name, v) => {
      // Arrange
      const { template } = v;
      const payout = payoutScript(name);
      const job = buildJob(template, {
        payouts: [{ scriptPubKey: payout, valueSats: template.coinbaseValueSats }],
        extranonce1Size: 4,
        extranonce2Size: 8,
        tag: '/chimera/',
      });
      const share = headerForShare(
        job,
        Buffer.from('a1b2c3d4', 'hex'),
        Buffer.from('0000000000000007', 'hex'),
        template.curTime + 1,
        0x12345678,
        template.version,
      );
      // Act
      const bytes = blockForShare(job, share);
      const decoded = decodeBlock(bytes);
      // Assert
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      const { block } = decoded;
      const [coinbase, ...rest] = block.transactions;
      expect(block.transactions).toHaveLength(1 + template.transactions.length);
      expect(block.header.prevHash.equals(template.prevHash)).toBe(true);
      expect(block.header.bits).toBe(template.bits);
      expect(block.header.time).toBe(template.curTime + 1);
      expect(block.header.nonce).toBe(0x12345678);
      expect(rest.map((t) => t.txid)).toEqual(template.transactions.map((t) => t.txid));
      expect(rest.map((t) => t.wtxid)).toEqual(template.transactions.map((t) => t.wtxid));
      // Coinbase: height, value, payout, and the txid the share hashed.
      expect(coinbase!.txid.equals(coinbaseTxid(share.coinbase))).toBe(true);
      expect(readHeightPush(coinbase!.inputs[0]!.scriptSig)).toBe(template.height);
      const paid = coinbase!.outputs.reduce((a, o) => a + o.valueSats, 0n);
      expect(paid).toBe(template.coinbaseValueSats);
      expect(coinbase!.outputs[0]!.scriptPubKey.equals(payout)).toBe(true);
      // The header commits to every transaction, recomputed from the decoded block.
      expect(
        block.header.merkleRoot.equals(merkleRoot(block.transactions.map((t) => t.txid))),
      ).toBe(true);
      // Witness: the commitment in the coinbase is right for the decoded txs, and the coinbase
      // carries the reserved value as its only witness item.
      const committed = findWitnessCommitment(coinbase!.outputs.map((o) => o.scriptPubKey));
      expect(committed?.equals(witnessCommitment(rest.map((t) => t.wtxid)))).toBe(true);
      expect(coinbase!.inputs[0]!.witness).toEqual([Buffer.alloc(32)]);
      // MWEB: the extension block follows the transactions exactly when the template has one.
      if (template.mweb === undefined) expect(block.mweb).toBeUndefined();
      else expect(block.mweb?.equals(template.mweb)).toBe(true);
      expect(bytes.length).toBe(
        80 +
          1 +
          coinbase!.size +
          template.transactions.reduce((a, t) => a + t.data.length, 0) +
          (template.mweb === undefined ? 0 : 1 + template.mweb.length),
      );
    },
  );

  it('a template without a witness commitment gets a coinbase without witness', () => {
    // Arrange
    const v = GBT_VECTORS.find((g) => g.template.transactions.length === 0)!;
    const bare: BlockTemplate = { ...v.template, defaultWitnessCommitment: undefined };
    const job = buildJob(bare, {
      payouts: [{ scriptPubKey: payoutScript(v.name), valueSats: bare.coinbaseValueSats }],
      extranonce1Size: 4,
      extranonce2Size: 4,
      tag: '/chimera/',
    });
    const share = headerForShare(
      job,
      Buffer.alloc(4),
      Buffer.alloc(4),
      bare.curTime,
      0,
      bare.version,
    );
    // Act
    const decoded = decodeBlock(blockForShare(job, share));
    // Assert
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const coinbase = decoded.block.transactions[0]!;
    expect(coinbase.flags).toBe(0);
    expect(coinbase.outputs).toHaveLength(1);
    expect(coinbase.txid.equals(decoded.block.header.merkleRoot)).toBe(true);
    expect(coinbase.txid.equals(share.merkleRoot)).toBe(true);
  });

  it('blockHex is the hex of serializeBlock; a bad header size is a bug', () => {
    // Arrange
    const parts = {
      header: Buffer.alloc(80, 1),
      coinbase: Buffer.from('00', 'hex'),
      transactions: [],
    };
    // Act / Assert
    expect(blockHex(parts)).toBe(serializeBlock(parts).toString('hex'));
    expect(blockHex(parts)).toBe('01'.repeat(80) + '01' + '00');
    expect(() => serializeBlock({ ...parts, header: Buffer.alloc(79) })).toThrow(RangeError);
  });

  it('decodeBlock reports malformed input as values', () => {
    expect(decodeBlock(Buffer.alloc(10))).toEqual({
      ok: false,
      error: '10 bytes is shorter than a header',
    });
    expect(decodeBlock(Buffer.concat([Buffer.alloc(80), Buffer.from([0])]))).toEqual({
      ok: false,
      error: 'no transactions',
    });
    expect(decodeBlock(Buffer.concat([Buffer.alloc(80), Buffer.from([1, 1, 0])])).ok).toBe(false);
  });
});
