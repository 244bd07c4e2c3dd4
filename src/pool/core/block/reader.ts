import { readVarint } from '../bytes.js';

/** Thrown by Reader when the bytes run out; decoders turn it into a value. */
export class ShortRead extends Error {
  constructor(readonly at: number) {
    super(`short read at byte ${at}`);
    this.name = 'ShortRead';
  }
}

/** A cursor over a buffer for the decoders. Returned slices are views, not copies. */
export class Reader {
  constructor(
    private readonly buf: Buffer,
    public pos: number,
  ) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  bytes(n: number): Buffer {
    if (n < 0 || this.pos + n > this.buf.length) throw new ShortRead(this.pos);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u8(): number {
    return this.bytes(1)[0]!;
  }

  i32(): number {
    return this.bytes(4).readInt32LE(0);
  }

  u32(): number {
    return this.bytes(4).readUInt32LE(0);
  }

  u64(): bigint {
    return this.bytes(8).readBigUInt64LE(0);
  }

  varint(): number {
    const v = readVarint(this.buf, this.pos);
    if (v === undefined) throw new ShortRead(this.pos);
    this.pos += v.size;
    return v.value;
  }
}
