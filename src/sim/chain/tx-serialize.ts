import type { TxOutput } from '../../pool/core/block/index.js';
import { u32le, u64le, varint } from '../../pool/core/bytes.js';
import { sha256d } from '../../pool/core/hash.js';

export interface TxInputSpec {
  /** Internal byte order. */
  readonly prevTxid: Buffer;
  readonly prevIndex: number;
  readonly scriptSig: Buffer;
  readonly sequence: number;
  readonly witness: readonly Buffer[];
}

export interface TxSpec {
  readonly version: number;
  readonly inputs: readonly TxInputSpec[];
  readonly outputs: readonly TxOutput[];
  readonly lockTime: number;
}

export interface SerializedTx {
  /** The full serialization: segwit form when any input has a witness. */
  readonly data: Buffer;
  readonly txid: Buffer;
  readonly wtxid: Buffer;
  /** BIP141: 3 x stripped size + total size. */
  readonly weight: number;
  /** ceil(weight / 4). */
  readonly vsize: number;
}

/** Serializes a transaction, legacy or BIP144, and hashes both forms. */
export function serializeTx(tx: TxSpec): SerializedTx {
  const version = u32le(tx.version);
  const body = Buffer.concat([
    varint(tx.inputs.length),
    ...tx.inputs.flatMap((i) => [
      i.prevTxid,
      u32le(i.prevIndex),
      varint(i.scriptSig.length),
      i.scriptSig,
      u32le(i.sequence),
    ]),
    varint(tx.outputs.length),
    ...tx.outputs.flatMap((o) => [
      u64le(o.valueSats),
      varint(o.scriptPubKey.length),
      o.scriptPubKey,
    ]),
  ]);
  const lockTime = u32le(tx.lockTime);
  const stripped = Buffer.concat([version, body, lockTime]);
  const txid = sha256d(stripped);
  const hasWitness = tx.inputs.some((i) => i.witness.length > 0);
  if (!hasWitness) {
    return {
      data: stripped,
      txid,
      wtxid: txid,
      weight: stripped.length * 4,
      vsize: stripped.length,
    };
  }
  const witness = Buffer.concat(
    tx.inputs.flatMap((i) => [
      varint(i.witness.length),
      ...i.witness.flatMap((w) => [varint(w.length), w]),
    ]),
  );
  const data = Buffer.concat([version, Buffer.from([0x00, 0x01]), body, witness, lockTime]);
  const weight = stripped.length * 3 + data.length;
  return { data, txid, wtxid: sha256d(data), weight, vsize: Math.ceil(weight / 4) };
}
