import { describe, expect, it } from 'vitest';
import { fromHex, toDisplayHex } from '../bytes.js';
import { LTC_2383207 } from './ltc-2383207.fixtures.js';
import { BTC_881423 } from './stratum.fixtures.js';
import { decodeTx } from './transaction.js';

describe('decodeTx', () => {
  it.each(LTC_2383207.transactions.map((t, i) => [i, t] as const))(
    'litecoin block 2,383,207 tx %i: txid and wtxid as litecoind reports them',
    (_, t) => {
      // Arrange
      const bytes = fromHex(t.hex);
      // Act
      const decoded = decodeTx(bytes);
      // Assert
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(toDisplayHex(decoded.tx.txid)).toBe(t.txid);
      expect(toDisplayHex(decoded.tx.wtxid)).toBe(t.hash);
      expect(decoded.tx.size).toBe(bytes.length);
    },
  );

  it('reads the HogEx form (flag 0x08, empty MWEB part)', () => {
    // Arrange
    const hogex = LTC_2383207.transactions[8];
    // Act
    const decoded = decodeTx(fromHex(hogex.hex));
    // Assert
    expect(decoded.ok && decoded.tx.flags).toBe(0x08);
    expect(decoded.ok && decoded.tx.outputs[0]?.valueSats).toBe(793199220526n);
  });

  it('reads a segwit coinbase: inputs, outputs, witness stack', () => {
    // Act
    const decoded = decodeTx(fromHex(BTC_881423.coinbaseWithWitness));
    // Assert
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const { tx } = decoded;
    expect(tx.inputs).toHaveLength(1);
    expect(tx.inputs[0]?.prevTxid.equals(Buffer.alloc(32))).toBe(true);
    expect(tx.inputs[0]?.prevIndex).toBe(0xffffffff);
    expect(tx.inputs[0]?.witness.map((w) => w.toString('hex'))).toEqual(['00'.repeat(32)]);
    expect(tx.outputs.map((o) => o.valueSats)).toEqual([314616437n, 0n]);
    expect(tx.lockTime).toBe(0);
  });

  it('reports truncation and unknown flags as values', () => {
    // Arrange
    const whole = fromHex(LTC_2383207.transactions[2].hex);
    const badFlag = Buffer.from(fromHex(LTC_2383207.transactions[1].hex));
    badFlag[5] = 0x04;
    // Act / Assert
    for (let cut = 0; cut < whole.length; cut += 7) {
      expect(decodeTx(whole.subarray(0, cut)).ok).toBe(false);
    }
    expect(decodeTx(badFlag)).toEqual({ ok: false, error: 'unknown flags 4' });
  });
});
