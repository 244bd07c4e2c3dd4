/** Byte helpers shared by the core. Hex in, hex out: strict, lower-case, even length. */

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

export function isHex(s: string, bytes?: number): boolean {
  return HEX_RE.test(s) && (bytes === undefined || s.length === bytes * 2);
}

/** Decodes hex; throws a RangeError on anything that is not whole bytes of hex. */
export function fromHex(hex: string): Buffer {
  if (!HEX_RE.test(hex)) throw new RangeError(`not hex: ${hex.slice(0, 32)}`);
  return Buffer.from(hex, 'hex');
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** A reversed copy (display order <-> internal order of hashes). */
export function reversed(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes).reverse();
}

/** Hex in display order (as RPC and explorers show hashes) to internal byte order. */
export function fromDisplayHex(hex: string): Buffer {
  return fromHex(hex).reverse();
}

export function toDisplayHex(bytes: Uint8Array): string {
  return reversed(bytes).toString('hex');
}

export function u32le(n: number): Buffer {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

export function u64le(n: bigint): Buffer {
  const b = Buffer.allocUnsafe(8);
  b.writeBigUInt64LE(n, 0);
  return b;
}

/** Bitcoin's CompactSize. */
export function varint(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint of ${n}`);
  if (n < 0xfd) return Buffer.from([n]);
  if (n <= 0xffff) {
    const b = Buffer.allocUnsafe(3);
    b[0] = 0xfd;
    b.writeUInt16LE(n, 1);
    return b;
  }
  if (n <= 0xffffffff) {
    const b = Buffer.allocUnsafe(5);
    b[0] = 0xfe;
    b.writeUInt32LE(n, 1);
    return b;
  }
  const b = Buffer.allocUnsafe(9);
  b[0] = 0xff;
  b.writeBigUInt64LE(BigInt(n), 1);
  return b;
}

/** Reads a CompactSize at `offset`; undefined when the bytes run out. */
export function readVarint(
  buf: Uint8Array,
  offset: number,
): { value: number; size: number } | undefined {
  const first = buf[offset];
  if (first === undefined) return undefined;
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (first < 0xfd) return { value: first, size: 1 };
  const size = first === 0xfd ? 3 : first === 0xfe ? 5 : 9;
  if (offset + size > buf.length) return undefined;
  if (first === 0xfd) return { value: view.readUInt16LE(offset + 1), size };
  if (first === 0xfe) return { value: view.readUInt32LE(offset + 1), size };
  const v = view.readBigUInt64LE(offset + 1);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { value: Number(v), size };
}

/** A 32-byte hash read as a little-endian 256-bit number (how proof of work compares). */
export function hashToBigInt(hash: Uint8Array): bigint {
  if (hash.length === 32) {
    // Four 64-bit reads instead of 32 byte steps: this runs on every share.
    const v = Buffer.from(hash.buffer, hash.byteOffset, 32);
    return (
      (v.readBigUInt64LE(24) << 192n) |
      (v.readBigUInt64LE(16) << 128n) |
      (v.readBigUInt64LE(8) << 64n) |
      v.readBigUInt64LE(0)
    );
  }
  let n = 0n;
  for (let i = hash.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(hash[i]!);
  return n;
}

/** A 256-bit number as 32 little-endian bytes. */
export function bigIntToHash(n: bigint): Buffer {
  if (n < 0n || n >= 1n << 256n) throw new RangeError('outside 0..2^256-1');
  const out = Buffer.alloc(32);
  let v = n;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
