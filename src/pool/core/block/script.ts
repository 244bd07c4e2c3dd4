/** Just enough Bitcoin Script to write coinbases and standard output scripts. */

export const OP_0 = 0x00;
export const OP_PUSHDATA1 = 0x4c;
export const OP_PUSHDATA2 = 0x4d;
export const OP_PUSHDATA4 = 0x4e;
export const OP_1NEGATE = 0x4f;
export const OP_1 = 0x51;
export const OP_16 = 0x60;
export const OP_RETURN = 0x6a;

/** The opcode bytes that announce a push of `length` data bytes (as CScript << vector writes them). */
export function pushDataPrefix(length: number): Buffer {
  if (!Number.isSafeInteger(length) || length < 0 || length > 0xffffffff) {
    throw new RangeError(`push of ${length} bytes`);
  }
  if (length < OP_PUSHDATA1) return Buffer.from([length]);
  if (length <= 0xff) return Buffer.from([OP_PUSHDATA1, length]);
  if (length <= 0xffff) {
    const b = Buffer.allocUnsafe(3);
    b[0] = OP_PUSHDATA2;
    b.writeUInt16LE(length, 1);
    return b;
  }
  const b = Buffer.allocUnsafe(5);
  b[0] = OP_PUSHDATA4;
  b.writeUInt32LE(length, 1);
  return b;
}

/** A data push: prefix then the bytes. */
export function pushData(data: Uint8Array): Buffer {
  return Buffer.concat([pushDataPrefix(data.length), data]);
}

/**
 * CScriptNum serialization: minimal little-endian magnitude, the sign in the top bit of the
 * last byte, and an extra 0x00 (or 0x80) byte when the magnitude already uses that bit.
 * Zero is the empty vector.
 */
export function scriptNum(n: number | bigint): Buffer {
  let v = BigInt(n);
  if (v === 0n) return Buffer.alloc(0);
  const negative = v < 0n;
  if (negative) v = -v;
  const bytes: number[] = [];
  while (v > 0n) {
    bytes.push(Number(v & 0xffn));
    v >>= 8n;
  }
  const top = bytes.length - 1;
  if ((bytes[top]! & 0x80) !== 0) bytes.push(negative ? 0x80 : 0x00);
  else if (negative) bytes[top] = bytes[top]! | 0x80;
  return Buffer.from(bytes);
}

/**
 * A number pushed the way Bitcoin Core's `CScript() << n` does: OP_0, OP_1NEGATE and OP_1..OP_16
 * as single opcodes, anything else as a data push of its CScriptNum. BIP34 compares the
 * coinbase scriptSig's first bytes against exactly this, so heights 1..16 must be OP_1..OP_16.
 */
export function scriptNumPush(n: number | bigint): Buffer {
  const v = BigInt(n);
  if (v === 0n) return Buffer.from([OP_0]);
  if (v === -1n) return Buffer.from([OP_1NEGATE]);
  if (v >= 1n && v <= 16n) return Buffer.from([OP_1 + Number(v) - 1]);
  return pushData(scriptNum(v));
}

/** The BIP34 height push that starts every coinbase scriptSig. */
export function heightPush(height: number): Buffer {
  if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`height ${height}`);
  return scriptNumPush(height);
}

/**
 * Reads the height a coinbase scriptSig starts with (the inverse of heightPush); undefined when
 * the script does not start with a minimal height push.
 */
export function readHeightPush(scriptSig: Uint8Array): number | undefined {
  const op = scriptSig[0];
  if (op === undefined) return undefined;
  if (op === OP_0) return 0;
  if (op >= OP_1 && op <= OP_16) return op - OP_1 + 1;
  if (op < 1 || op > 8 || scriptSig.length < 1 + op) return undefined;
  const bytes = scriptSig.subarray(1, 1 + op);
  if ((bytes[op - 1]! & 0x80) !== 0) return undefined;
  let v = 0n;
  for (let i = op - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const height = Number(v);
  return heightPush(height).equals(scriptSig.subarray(0, 1 + op)) ? height : undefined;
}
