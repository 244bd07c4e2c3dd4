/** The 80-byte block header. Hashes are in internal byte order (as serialized). */

export const HEADER_SIZE = 80;

export interface HeaderFields {
  /** Signed 32-bit, as Bitcoin Core stores it; any 32-bit pattern serializes the same. */
  readonly version: number;
  readonly prevHash: Buffer;
  readonly merkleRoot: Buffer;
  readonly time: number;
  readonly bits: number;
  readonly nonce: number;
}

export function serializeHeader(h: HeaderFields): Buffer {
  const out = Buffer.allocUnsafe(HEADER_SIZE);
  writeHeader(out, h.version, h.prevHash, h.merkleRoot, h.time, h.bits, h.nonce);
  return out;
}

/**
 * Writes a header into `out` (at least 80 bytes) field by field, so a hot path can fill a
 * header without building a HeaderFields object.
 */
export function writeHeader(
  out: Buffer,
  version: number,
  prevHash: Uint8Array,
  merkleRoot: Uint8Array,
  time: number,
  bits: number,
  nonce: number,
): void {
  if (prevHash.length !== 32) throw new RangeError(`prevHash is ${prevHash.length} bytes`);
  if (merkleRoot.length !== 32) throw new RangeError(`merkleRoot is ${merkleRoot.length} bytes`);
  out.writeUInt32LE(version >>> 0, 0);
  out.set(prevHash, 4);
  out.set(merkleRoot, 36);
  out.writeUInt32LE(time >>> 0, 68);
  out.writeUInt32LE(bits >>> 0, 72);
  out.writeUInt32LE(nonce >>> 0, 76);
}

/** Reads the header at `offset`; the hashes are copies, not views into `buf`. */
export function parseHeader(buf: Uint8Array, offset = 0): HeaderFields {
  if (offset < 0 || buf.length < offset + HEADER_SIZE) {
    throw new RangeError(`no 80-byte header at ${offset} of ${buf.length} bytes`);
  }
  const b = Buffer.from(buf.buffer, buf.byteOffset + offset, HEADER_SIZE);
  return {
    version: b.readInt32LE(0),
    prevHash: Buffer.from(b.subarray(4, 36)),
    merkleRoot: Buffer.from(b.subarray(36, 68)),
    time: b.readUInt32LE(68),
    bits: b.readUInt32LE(72),
    nonce: b.readUInt32LE(76),
  };
}
