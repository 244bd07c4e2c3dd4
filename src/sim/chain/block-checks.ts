import {
  COINBASE_SCRIPTSIG_MAX,
  COINBASE_SCRIPTSIG_MIN,
  findWitnessCommitment,
  heightPush,
  merkleRoot,
  sha256dPair,
  witnessMerkleRoot,
  type DecodedBlock,
  type DecodedTx,
} from '../../pool/core/block/index.js';
import { varint } from '../../pool/core/bytes.js';
import { HEADER_SIZE } from '../../pool/core/block/index.js';
import { MAX_BLOCK_WEIGHT } from './consensus-constants.js';

/*
 * The checks of a block that need nothing but the block (and, for BIP34, its height), with
 * Bitcoin Core's reason strings. Each returns the reason, or undefined when the block passes.
 */

const MAX_MONEY = 21_000_000n * 100_000_000n;

export function isCoinbase(tx: DecodedTx): boolean {
  const input = tx.inputs[0];
  return (
    tx.inputs.length === 1 &&
    input !== undefined &&
    input.prevIndex === 0xffffffff &&
    input.prevTxid.every((b) => b === 0)
  );
}

/** CheckBlock after the proof of work: merkle root, then each transaction's own sanity. */
export function checkBlockShape(block: DecodedBlock): string | undefined {
  const txs = block.transactions;
  const root = merkleRoot(txs.map((t) => t.txid));
  if (!root.equals(block.header.merkleRoot)) return 'bad-txnmrklroot';
  const ids = new Set(txs.map((t) => t.txid.toString('hex')));
  if (ids.size !== txs.length) return 'bad-txns-duplicate';
  if (!isCoinbase(txs[0]!)) return 'bad-cb-missing';
  if (txs.slice(1).some(isCoinbase)) return 'bad-cb-multiple';
  for (const tx of txs) {
    const problem = checkTransaction(tx);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** CheckTransaction, for the shapes a submitted block can carry. */
function checkTransaction(tx: DecodedTx): string | undefined {
  if (tx.inputs.length === 0) return 'bad-txns-vin-empty';
  if (tx.outputs.length === 0) return 'bad-txns-vout-empty';
  let total = 0n;
  for (const o of tx.outputs) {
    if (o.valueSats > MAX_MONEY) return 'bad-txns-vout-toolarge';
    total += o.valueSats;
    if (total > MAX_MONEY) return 'bad-txns-txouttotal-toolarge';
  }
  const outpoints = new Set(tx.inputs.map((i) => `${i.prevTxid.toString('hex')}:${i.prevIndex}`));
  if (outpoints.size !== tx.inputs.length) return 'bad-txns-inputs-duplicate';
  if (isCoinbase(tx)) {
    const len = tx.inputs[0]!.scriptSig.length;
    if (len < COINBASE_SCRIPTSIG_MIN || len > COINBASE_SCRIPTSIG_MAX) return 'bad-cb-length';
  } else if (
    tx.inputs.some((i) => i.prevIndex === 0xffffffff && i.prevTxid.every((b) => b === 0))
  ) {
    return 'bad-txns-prevout-null';
  }
  return undefined;
}

/** ContextualCheckBlock: BIP34 height, BIP141 commitment (or no witness at all), weight. */
export function checkBlockContext(
  block: DecodedBlock,
  height: number,
  opts: { readonly bip34Height: number; readonly segwit: boolean },
): string | undefined {
  const txs = block.transactions;
  const coinbase = txs[0]!;
  if (height >= opts.bip34Height) {
    const expected = heightPush(height);
    const scriptSig = coinbase.inputs[0]!.scriptSig;
    if (
      scriptSig.length < expected.length ||
      !scriptSig.subarray(0, expected.length).equals(expected)
    ) {
      return 'bad-cb-height';
    }
  }
  const commitment = opts.segwit
    ? findWitnessCommitment(coinbase.outputs.map((o) => o.scriptPubKey))
    : undefined;
  if (commitment !== undefined) {
    const stack = coinbase.inputs[0]!.witness;
    const reserved = stack[0];
    if (stack.length !== 1 || reserved === undefined || reserved.length !== 32) {
      return 'bad-witness-nonce-size';
    }
    const root = witnessMerkleRoot(txs.slice(1).map((t) => t.wtxid));
    if (!sha256dPair(root, reserved).equals(commitment)) return 'bad-witness-merkle-match';
  } else if (txs.some((t) => t.inputs.some((i) => i.witness.length > 0))) {
    return 'unexpected-witness';
  }
  if (blockWeight(block) > MAX_BLOCK_WEIGHT) return 'bad-blk-weight';
  return undefined;
}

/** BIP141 weight: 3 x the size without witness data + the full size. */
export function blockWeight(block: DecodedBlock): number {
  const txs = block.transactions;
  let weight = (HEADER_SIZE + varint(txs.length).length) * 4;
  for (const t of txs) weight += strippedSize(t) * 3 + t.size;
  return weight;
}

/** A transaction's size without marker, flag and witness data (BIP141's base size). */
export function strippedSize(tx: DecodedTx): number {
  if ((tx.flags & 0x01) === 0) return tx.size;
  let witnessBytes = 2;
  for (const input of tx.inputs) {
    witnessBytes += varint(input.witness.length).length;
    for (const item of input.witness) witnessBytes += varint(item.length).length + item.length;
  }
  return tx.size - witnessBytes;
}
