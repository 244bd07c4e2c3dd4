import { describe, expect, it } from 'vitest';
import { heightPush, witnessCommitmentScript } from '../../pool/core/block/index.js';
import { fromDisplayHex } from '../../pool/core/bytes.js';
import { createRng } from '../../runtime/index.js';
import { WALLET_SCRIPT, makeSim } from './chain.fixtures.js';
import { customBlock, minePoolBlock } from './pool-block.fixtures.js';
import { syntheticTx } from './synthetic-tx.js';
import { serializeTx } from './tx-serialize.js';

const rejected = (reason: string): unknown => ({ kind: 'rejected', reason });

function withTraffic(n: number): ReturnType<typeof makeSim> {
  const made = makeSim();
  const rng = createRng('traffic');
  for (let i = 0; i < n; i++) {
    made.sim.addTransaction(
      syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 0.5 } }),
    );
  }
  return made;
}

describe('submitblock verdicts (blocks built with the pool core, real proof of work)', () => {
  it('accepts a block the pool builds from a template with transactions, and says duplicate the second time', () => {
    // Arrange
    const { sim } = withTraffic(5);
    const t = sim.blockTemplate();
    const block = minePoolBlock(t);
    // Act
    const first = sim.submitBlock(block.hex);
    const again = sim.submitBlock(block.hex);
    // Assert
    expect(first).toEqual({ kind: 'accepted' });
    expect(sim.tip.hashHex).toBe(block.hash);
    expect(sim.tip.txids).toHaveLength(5);
    expect(sim.state.mempool.size).toBe(0);
    expect(again).toEqual(rejected('duplicate'));
    expect(sim.proposeBlock(block.hex)).toEqual(rejected('duplicate'));
  });

  it('answers undecodable hex with RPC error -22, to submit and to proposal', () => {
    const { sim } = makeSim();
    for (const hex of ['00', 'zz', '', 'abc']) {
      expect(sim.submitBlock(hex)).toEqual({
        kind: 'error',
        code: -22,
        message: 'Block decode failed',
      });
      expect(sim.proposeBlock(hex)).toMatchObject({ kind: 'error', code: -22 });
    }
    const truncated = minePoolBlock(sim.blockTemplate()).hex.slice(0, -10);
    expect(sim.submitBlock(truncated)).toMatchObject({ kind: 'error', code: -22 });
  });

  it('answers -22 to a block whose first transaction is not a coinbase', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const tx = syntheticTx(createRng(1), {
      segwit: false,
      feeRate: { medianSatPerVb: 1, sigma: 0 },
    });
    const valid = customBlock({ template: t });
    const hex = valid.hex.slice(0, 160) + '01' + tx.data.toString('hex');
    expect(sim.submitBlock(hex)).toEqual({
      kind: 'error',
      code: -22,
      message: 'Block does not start with a coinbase',
    });
  });

  it('high-hash: a header above the target', () => {
    const { sim } = makeSim();
    const block = minePoolBlock(sim.blockTemplate(), { invalidPow: true });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('high-hash'));
    expect(sim.tip.height).toBe(0);
  });

  it('bad-txnmrklroot: a header committing to other transactions', () => {
    const { sim } = makeSim();
    const block = customBlock({
      template: sim.blockTemplate(),
      header: { merkleRoot: Buffer.alloc(32, 9) },
    });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('bad-txnmrklroot'));
  });

  it('bad-cb-amount: a coinbase claiming one sat more than subsidy + fees', () => {
    const { sim } = withTraffic(3);
    const t = sim.blockTemplate();
    const block = minePoolBlock(t, { template: { coinbaseValueSats: t.coinbaseValueSats + 1n } });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('bad-cb-amount'));
    expect(sim.proposeBlock(block.hex)).toEqual(rejected('bad-cb-amount'));
  });

  it("bad-cb-height: a coinbase pushing another height (BIP34 from the coin's bip34Height)", () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const block = minePoolBlock(t, { template: { height: t.height + 1 } });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('bad-cb-height'));
  });

  it('bad-cb-length: a coinbase scriptSig over 100 bytes, or under 2 (OP_1 alone at height 1)', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const long = customBlock({
      template: t,
      scriptSig: Buffer.concat([heightPush(1), Buffer.alloc(100, 1)]),
    });
    const short = customBlock({ template: t, scriptSig: heightPush(1) });
    expect(sim.submitBlock(long.hex)).toEqual(rejected('bad-cb-length'));
    expect(sim.submitBlock(short.hex)).toEqual(rejected('bad-cb-length'));
  });

  it('prev-blk-not-found: a parent the node never saw', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const unknown = 'ab'.repeat(32);
    const block = minePoolBlock(t, {
      template: { prevHash: fromDisplayHex(unknown), prevHashHex: unknown },
    });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('prev-blk-not-found'));
  });

  it('time-too-old: a time at the median time past; time-too-new: more than 2 h past the clock', async () => {
    const { sim, vt } = makeSim();
    sim.generate(11);
    await vt.advanceBy(3_600_000);
    const t = sim.blockTemplate();
    const nowSec = Math.floor(vt.nowMs() / 1000);
    const old = minePoolBlock(t, { ntime: t.minTime - 1 });
    const future = minePoolBlock(t, { ntime: nowSec + 7201 });
    const edge = minePoolBlock(t, { ntime: nowSec + 7200 });
    expect(sim.submitBlock(old.hex)).toEqual(rejected('time-too-old'));
    expect(sim.submitBlock(future.hex)).toEqual(rejected('time-too-new'));
    expect(sim.submitBlock(edge.hex)).toEqual({ kind: 'accepted' });
  });

  it('bad-diffbits: after a difficulty jump, a block still carrying the old bits', () => {
    const { sim } = makeSim();
    const oldBits = sim.blockTemplate().bits;
    const newBits = sim.difficultyJump(4);
    const t = sim.blockTemplate();
    expect(t.bits).toBe(newBits);
    const stale = minePoolBlock(t, { template: { bits: oldBits } });
    expect(sim.submitBlock(stale.hex)).toEqual(rejected('bad-diffbits'));
    expect(sim.submitBlock(minePoolBlock(t).hex)).toEqual({ kind: 'accepted' });
  });

  it('inconclusive: a second valid solution on the same parent is kept as a side branch and can win later', () => {
    // Arrange
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const first = minePoolBlock(t, { extranonce2: 1 });
    const second = minePoolBlock(t, { extranonce2: 2 });
    // Act
    expect(sim.submitBlock(first.hex)).toEqual({ kind: 'accepted' });
    expect(sim.submitBlock(second.hex)).toEqual(rejected('inconclusive'));
    // Assert: first seen wins the tie
    expect(sim.tip.hashHex).toBe(first.hash);
    expect(sim.state.tree.confirmations(sim.block(second.hash)!)).toBe(-1);
    // Act: a child of the side block gives its branch more work
    const onSide = minePoolBlock(t, {
      template: {
        prevHash: fromDisplayHex(second.hash),
        prevHashHex: second.hash,
        height: t.height + 1,
        curTime: t.curTime + 1,
      },
    });
    expect(sim.submitBlock(onSide.hex)).toEqual({ kind: 'accepted' });
    expect(sim.state.tree.confirmations(sim.block(first.hash)!)).toBe(-1);
    expect(sim.state.tree.confirmations(sim.block(second.hash)!)).toBe(2);
  });

  it('unexpected-witness: a coinbase witness without a commitment', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const block = customBlock({
      template: t,
      outputs: [{ scriptPubKey: WALLET_SCRIPT, valueSats: t.coinbaseValueSats }],
      coinbaseWitness: [Buffer.alloc(32)],
    });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('unexpected-witness'));
  });

  it('bad-witness-merkle-match and bad-witness-nonce-size: a wrong commitment, a missing reserved value', () => {
    const { sim } = withTraffic(2);
    const t = sim.blockTemplate();
    const wrong = customBlock({
      template: t,
      outputs: [
        { scriptPubKey: WALLET_SCRIPT, valueSats: t.coinbaseValueSats },
        { scriptPubKey: witnessCommitmentScript([Buffer.alloc(32, 5)]), valueSats: 0n },
      ],
    });
    const noNonce = customBlock({ template: t, coinbaseWitness: [] });
    expect(sim.submitBlock(wrong.hex)).toEqual(rejected('bad-witness-merkle-match'));
    expect(sim.submitBlock(noNonce.hex)).toEqual(rejected('bad-witness-nonce-size'));
  });

  it('bad-txns-inputs-missingorspent: a transaction the chain has never seen, or one already mined', () => {
    const { sim } = withTraffic(1);
    const t = sim.blockTemplate();
    const stranger = syntheticTx(createRng('stranger'), {
      segwit: false,
      feeRate: { medianSatPerVb: 1, sigma: 0 },
    });
    const unknown = customBlock({
      template: t,
      txs: [stranger],
      outputs: [
        { scriptPubKey: WALLET_SCRIPT, valueSats: t.coinbaseValueSats },
        { scriptPubKey: witnessCommitmentScript([stranger.wtxid]), valueSats: 0n },
      ],
    });
    expect(sim.submitBlock(unknown.hex)).toEqual(rejected('bad-txns-inputs-missingorspent'));
    expect(sim.submitBlock(minePoolBlock(t).hex)).toEqual({ kind: 'accepted' });
    const next = sim.blockTemplate();
    const replay = customBlock({
      template: { ...next, coinbaseValueSats: next.coinbaseValueSats },
      txs: t.transactions,
      outputs: [
        { scriptPubKey: WALLET_SCRIPT, valueSats: next.coinbaseValueSats },
        {
          scriptPubKey: witnessCommitmentScript(t.transactions.map((x) => x.wtxid)),
          valueSats: 0n,
        },
      ],
    });
    expect(sim.submitBlock(replay.hex)).toEqual(rejected('bad-txns-inputs-missingorspent'));
  });

  it('bad-txns-duplicate and bad-cb-multiple', () => {
    const { sim } = withTraffic(1);
    const t = sim.blockTemplate();
    const tx = t.transactions[0]!;
    expect(sim.submitBlock(customBlock({ template: t, txs: [tx, tx] }).hex)).toEqual(
      rejected('bad-txns-duplicate'),
    );
    const secondCoinbase = serializeTx({
      version: 1,
      inputs: [
        {
          prevTxid: Buffer.alloc(32),
          prevIndex: 0xffffffff,
          scriptSig: Buffer.from('5151', 'hex'),
          sequence: 0,
          witness: [],
        },
      ],
      outputs: [{ scriptPubKey: WALLET_SCRIPT, valueSats: 1n }],
      lockTime: 0,
    });
    expect(sim.submitBlock(customBlock({ template: t, txs: [secondCoinbase] }).hex)).toEqual(
      rejected('bad-cb-multiple'),
    );
  });

  it('bad-blk-weight: a block over 4,000,000 weight units', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    const huge = serializeTx({
      version: 2,
      inputs: [
        {
          prevTxid: Buffer.alloc(32, 1),
          prevIndex: 0,
          scriptSig: Buffer.alloc(0),
          sequence: 0,
          witness: [],
        },
      ],
      outputs: [{ scriptPubKey: Buffer.alloc(1_000_001, 0x6a), valueSats: 0n }],
      lockTime: 0,
    });
    const block = customBlock({
      template: t,
      txs: [huge],
      outputs: [
        { scriptPubKey: WALLET_SCRIPT, valueSats: t.coinbaseValueSats },
        { scriptPubKey: witnessCommitmentScript([huge.wtxid]), valueSats: 0n },
      ],
    });
    expect(sim.submitBlock(block.hex)).toEqual(rejected('bad-blk-weight'));
  });
});
