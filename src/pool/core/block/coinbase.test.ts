import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../../errors.js';
import { fromHex, toDisplayHex } from '../bytes.js';
import {
  COINBASE_SCRIPTSIG_MAX,
  buildCoinbase,
  checkCoinbaseSpec,
  coinbaseTxid,
  withCoinbaseWitness,
  type CoinbaseSpec,
} from './coinbase.js';
import { LTC_2383207 } from './ltc-2383207.fixtures.js';
import { heightPush, pushData, readHeightPush } from './script.js';
import { BTC_881423 } from './stratum.fixtures.js';
import { decodeTx } from './transaction.js';

const PAYOUT = fromHex('0014751e76e8199196d454941c45d1b3a323f1433bd6');
const COMMITMENT = fromHex(
  '6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9',
);

function spec(over: Partial<CoinbaseSpec> = {}): CoinbaseSpec {
  return {
    height: 102,
    coinbaseValueSats: 5_000_000_000n,
    outputs: [{ scriptPubKey: PAYOUT, valueSats: 5_000_000_000n }],
    witnessCommitment: COMMITMENT,
    extranonceSize: 8,
    tag: '/chimera/',
    ...over,
  };
}

/** Removes marker, flag and witness from a one-input segwit transaction (test-side, by layout). */
function stripOneInputWitness(tx: Buffer): Buffer {
  const witnessItem = 1 + 1 + 32; // one item of 32 bytes
  return Buffer.concat([
    tx.subarray(0, 4),
    tx.subarray(6, tx.length - 4 - witnessItem),
    tx.subarray(tx.length - 4),
  ]);
}

describe('buildCoinbase', () => {
  it('lays out version, null input, scriptSig around the extranonce, outputs, locktime', () => {
    // Arrange
    const extranonce = fromHex('0102030405060708');
    // Act
    const { coinb1, coinb2 } = buildCoinbase(spec({ txVersion: 2 }));
    const tx = Buffer.concat([coinb1, extranonce, coinb2]);
    const decoded = decodeTx(tx);
    // Assert
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const { tx: t } = decoded;
    expect(t.version).toBe(2);
    expect(t.flags).toBe(0);
    expect(t.inputs).toHaveLength(1);
    expect(t.inputs[0]?.prevTxid.equals(Buffer.alloc(32))).toBe(true);
    expect(t.inputs[0]?.prevIndex).toBe(0xffffffff);
    expect(t.inputs[0]?.sequence).toBe(0xffffffff);
    const scriptSig = t.inputs[0]!.scriptSig;
    expect(scriptSig.toString('hex')).toBe(
      heightPush(102).toString('hex') +
        '08' +
        '0102030405060708' +
        pushData(Buffer.from('/chimera/')).toString('hex'),
    );
    expect(t.outputs).toEqual([
      { scriptPubKey: PAYOUT, valueSats: 5_000_000_000n },
      { scriptPubKey: COMMITMENT, valueSats: 0n },
    ]);
    expect(t.lockTime).toBe(0);
    expect(tx.length).toBe(decoded.tx.size);
  });

  it('for any valid spec, the parts join into a transaction that pays exactly the spec', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 32 }),
        fc.string({ maxLength: 40 }),
        fc.array(fc.bigInt({ min: 0n, max: 2_100_000_000_000_000n }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.boolean(),
        (height, extranonceSize, tag, values, withCommitment) => {
          // Arrange
          const s = spec({
            height,
            extranonceSize,
            tag,
            outputs: values.map((valueSats) => ({ scriptPubKey: PAYOUT, valueSats })),
            coinbaseValueSats: values.reduce((a, b) => a + b, 0n),
            witnessCommitment: withCommitment ? COMMITMENT : undefined,
          });
          fc.pre(checkCoinbaseSpec(s) === undefined);
          const extranonce = Buffer.alloc(extranonceSize, 0xee);
          // Act
          const { coinb1, coinb2 } = buildCoinbase(s);
          const decoded = decodeTx(Buffer.concat([coinb1, extranonce, coinb2]));
          // Assert
          expect(decoded.ok).toBe(true);
          if (!decoded.ok) return;
          const scriptSig = decoded.tx.inputs[0]!.scriptSig;
          expect(readHeightPush(scriptSig)).toBe(height);
          expect(scriptSig.length).toBeGreaterThanOrEqual(2);
          expect(scriptSig.length).toBeLessThanOrEqual(COINBASE_SCRIPTSIG_MAX);
          const paid = decoded.tx.outputs.reduce((a, o) => a + o.valueSats, 0n);
          expect(paid).toBe(s.coinbaseValueSats);
          expect(decoded.tx.outputs).toHaveLength(values.length + (withCommitment ? 1 : 0));
        },
      ),
    );
  });

  it('refuses outputs that do not sum to the coinbase value, naming both sums', () => {
    // Arrange
    const bad = spec({ coinbaseValueSats: 5_000_001_410n });
    // Act / Assert
    expect(checkCoinbaseSpec(bad)).toBe(
      'payout outputs sum to 5000000000 sats but the coinbase value is 5000001410 sats',
    );
    expect(() => buildCoinbase(bad)).toThrow(ChimeraError);
    expect(() => buildCoinbase(bad)).toThrow(/COINBASE_SPEC: payout outputs sum/);
  });

  it('accepts a scriptSig of exactly 100 bytes and refuses 101, naming the sizes', () => {
    // Arrange: height push 2 + extranonce 1+8 = 11; an 87-byte tag pushes as 4c 57 + 87 = 89.
    const full = spec({ tag: 'x'.repeat(87) });
    const over = spec({ tag: 'x'.repeat(88) });
    // Act
    const { coinb1, coinb2 } = buildCoinbase(full);
    const decoded = decodeTx(Buffer.concat([coinb1, Buffer.alloc(8), coinb2]));
    // Assert
    expect(decoded.ok && decoded.tx.inputs[0]?.scriptSig.length).toBe(100);
    expect(checkCoinbaseSpec(over)).toBe(
      'coinbase scriptSig would be 101 bytes (height push 2 + extranonce 9 + tag 90); consensus allows 2..100',
    );
    expect(() => buildCoinbase(over)).toThrow(/101 bytes/);
  });

  it('the smallest spec (height 0, no extranonce, empty tag) is the 2-byte minimum', () => {
    // Act
    const { coinb1, coinb2 } = buildCoinbase(spec({ height: 0, extranonceSize: 0, tag: '' }));
    const decoded = decodeTx(Buffer.concat([coinb1, coinb2]));
    // Assert
    expect(decoded.ok && decoded.tx.inputs[0]?.scriptSig.toString('hex')).toBe('0000');
  });

  it('refuses a spec without payouts, with negative values or a bad extranonce size', () => {
    expect(checkCoinbaseSpec(spec({ outputs: [], coinbaseValueSats: 0n }))).toBe(
      'no payout output',
    );
    expect(
      checkCoinbaseSpec(
        spec({ outputs: [{ scriptPubKey: PAYOUT, valueSats: -1n }], coinbaseValueSats: -1n }),
      ),
    ).toBe('outputs[0] value -1');
    expect(checkCoinbaseSpec(spec({ extranonceSize: 1.5 }))).toBe('extranonce size 1.5');
  });
});

describe('coinbase witness and txid', () => {
  it.each([
    ['bitcoin 881,423', BTC_881423.coinbaseWithWitness, undefined],
    ['litecoin 2,383,207', LTC_2383207.transactions[0].hex, LTC_2383207.transactions[0]],
  ] as const)(
    '%s: adding the witness to the stripped coinbase gives the mined bytes',
    (_, hex, ids) => {
      // Arrange
      const mined = fromHex(hex);
      const stripped = stripOneInputWitness(mined);
      // Act
      const rebuilt = withCoinbaseWitness(stripped);
      const txid = coinbaseTxid(stripped);
      // Assert
      expect(rebuilt.equals(mined)).toBe(true);
      const decoded = decodeTx(mined);
      expect(decoded.ok && decoded.tx.txid.equals(txid)).toBe(true);
      if (ids !== undefined) expect(toDisplayHex(txid)).toBe(ids.txid);
    },
  );
});
