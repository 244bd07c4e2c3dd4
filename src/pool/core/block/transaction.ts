import { sha256d } from '../hash.js';
import type { TxOutput } from './coinbase.js';
import { Reader, ShortRead } from './reader.js';

export interface TxInput {
  /** Internal byte order. */
  readonly prevTxid: Buffer;
  readonly prevIndex: number;
  readonly scriptSig: Buffer;
  readonly sequence: number;
  readonly witness: readonly Buffer[];
}

export interface DecodedTx {
  readonly version: number;
  readonly inputs: readonly TxInput[];
  readonly outputs: readonly TxOutput[];
  readonly lockTime: number;
  /** The serialization's flag byte (0 for the legacy form; bit 1 witness, bit 8 Litecoin MWEB). */
  readonly flags: number;
  readonly txid: Buffer;
  readonly wtxid: Buffer;
  /** Bytes the transaction took in its container. */
  readonly size: number;
}

export type TxDecode =
  { readonly ok: true; readonly tx: DecodedTx } | { readonly ok: false; readonly error: string };

const FLAG_WITNESS = 0x01;
/** Litecoin: an MWEB part follows the outputs (only its empty form is read here: HogEx). */
const FLAG_MWEB = 0x08;

/**
 * Decodes one transaction at `offset` (legacy, segwit, or Litecoin's HogEx form). txid hashes
 * the form without marker, flag, witness and MWEB part; wtxid hashes the whole serialization
 * when there is witness data, and equals txid otherwise.
 */
export function decodeTx(buf: Buffer, offset = 0): TxDecode {
  const r = new Reader(buf, offset);
  try {
    const version = r.i32();
    const legacyParts: Buffer[] = [buf.subarray(offset, offset + 4)];
    let ioStart = r.pos;
    let inputCount = r.varint();
    let flags = 0;
    if (inputCount === 0) {
      flags = r.u8();
      if (flags === 0) return fail('extended serialization with flag 0');
      if ((flags & ~(FLAG_WITNESS | FLAG_MWEB)) !== 0) return fail(`unknown flags ${flags}`);
      ioStart = r.pos;
      inputCount = r.varint();
    }
    const inputs: { prevTxid: Buffer; prevIndex: number; scriptSig: Buffer; sequence: number }[] =
      [];
    for (let i = 0; i < inputCount; i++) {
      inputs.push({
        prevTxid: Buffer.from(r.bytes(32)),
        prevIndex: r.u32(),
        scriptSig: Buffer.from(r.bytes(r.varint())),
        sequence: r.u32(),
      });
    }
    const outputCount = r.varint();
    const outputs: TxOutput[] = [];
    for (let i = 0; i < outputCount; i++) {
      const valueSats = r.u64();
      outputs.push({ valueSats, scriptPubKey: Buffer.from(r.bytes(r.varint())) });
    }
    legacyParts.push(buf.subarray(ioStart, r.pos));
    const witnesses: Buffer[][] = inputs.map(() => []);
    if ((flags & FLAG_WITNESS) !== 0) {
      for (const stack of witnesses) {
        const items = r.varint();
        for (let j = 0; j < items; j++) stack.push(Buffer.from(r.bytes(r.varint())));
      }
    }
    if ((flags & FLAG_MWEB) !== 0 && r.u8() !== 0) return fail('MWEB transaction body');
    const lockTime = r.u32();
    legacyParts.push(buf.subarray(r.pos - 4, r.pos));
    const txid = sha256d(Buffer.concat(legacyParts));
    const hasWitness = witnesses.some((w) => w.length > 0);
    return {
      ok: true,
      tx: {
        version,
        inputs: inputs.map((inp, i) => ({ ...inp, witness: witnesses[i]! })),
        outputs,
        lockTime,
        flags,
        txid,
        wtxid: hasWitness ? sha256d(buf.subarray(offset, r.pos)) : txid,
        size: r.pos - offset,
      },
    };
  } catch (e) {
    if (e instanceof ShortRead) return fail(`truncated at byte ${e.at}`);
    throw e;
  }
}

function fail(error: string): TxDecode {
  return { ok: false, error };
}
