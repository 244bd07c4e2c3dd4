import { sha256d } from '../hash.js';
import { HEADER_SIZE, parseHeader, type HeaderFields } from './header.js';
import { Reader, ShortRead } from './reader.js';
import { decodeTx, type DecodedTx } from './transaction.js';

export interface DecodedBlock {
  readonly header: HeaderFields;
  /** sha256d of the header, internal byte order (the block id). */
  readonly hash: Buffer;
  readonly transactions: readonly DecodedTx[];
  /** Litecoin's MWEB extension block bytes, when the block carries one. */
  readonly mweb?: Buffer;
}

export type BlockDecode =
  | { readonly ok: true; readonly block: DecodedBlock }
  | { readonly ok: false; readonly error: string };

/**
 * Decodes a serialized block: the simulator's view of what a pool submits, and the tests'
 * independent check of serializeBlock. Structure only; no consensus rule is checked here.
 */
export function decodeBlock(buf: Buffer): BlockDecode {
  if (buf.length < HEADER_SIZE) return fail(`${buf.length} bytes is shorter than a header`);
  const header = parseHeader(buf);
  const r = new Reader(buf, HEADER_SIZE);
  try {
    const count = r.varint();
    if (count === 0) return fail('no transactions');
    const transactions: DecodedTx[] = [];
    for (let i = 0; i < count; i++) {
      const t = decodeTx(buf, r.pos);
      if (!t.ok) return fail(`transaction ${i}: ${t.error}`);
      transactions.push(t.tx);
      r.pos += t.tx.size;
    }
    let mweb: Buffer | undefined;
    if (r.remaining > 0) {
      if (r.u8() !== 0x01) return fail(`${r.remaining + 1} stray bytes after the transactions`);
      mweb = Buffer.from(r.bytes(r.remaining));
    }
    const hash = sha256d(buf.subarray(0, HEADER_SIZE));
    return { ok: true, block: { header, hash, transactions, ...(mweb ? { mweb } : {}) } };
  } catch (e) {
    if (e instanceof ShortRead) return fail(`truncated at byte ${e.at}`);
    throw e;
  }
}

function fail(error: string): BlockDecode {
  return { ok: false, error };
}
