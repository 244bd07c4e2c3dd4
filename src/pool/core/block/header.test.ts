import { describe, expect, it } from 'vitest';
import { fromHex, toDisplayHex } from '../bytes.js';
import { sha256d } from '../hash.js';
import { POW_VECTORS } from './block.fixtures.js';
import { parseHeader, serializeHeader } from './header.js';

interface HeaderVector {
  readonly name: string;
  readonly header_hex: string;
  readonly version: number;
  readonly time: number;
  readonly bits: string;
  readonly nonce: number;
  readonly merkle_root?: string;
  readonly previous_block_hash?: string;
  readonly block_hash?: string;
  readonly block_hash_sha256d?: string;
}

const HEADERS: readonly HeaderVector[] = [
  ...POW_VECTORS.sha256d_headers,
  ...POW_VECTORS.scrypt_headers,
];

describe('block header', () => {
  it.each(HEADERS.map((h) => [h.name, h] as const))(
    '%s round-trips and hashes to its id',
    (_, v) => {
      // Arrange
      const bytes = fromHex(v.header_hex);
      // Act
      const fields = parseHeader(bytes);
      const again = serializeHeader(fields);
      // Assert
      expect(again.equals(bytes)).toBe(true);
      expect(fields.version).toBe(v.version);
      expect(fields.time).toBe(v.time);
      expect(fields.bits).toBe(parseInt(v.bits, 16));
      expect(fields.nonce).toBe(v.nonce);
      if (v.merkle_root !== undefined) expect(toDisplayHex(fields.merkleRoot)).toBe(v.merkle_root);
      if (v.previous_block_hash !== undefined) {
        expect(toDisplayHex(fields.prevHash)).toBe(v.previous_block_hash);
      }
      const id = v.block_hash ?? v.block_hash_sha256d;
      expect(id).toBeDefined();
      expect(toDisplayHex(sha256d(again))).toBe(id);
    },
  );

  it('writes any 32-bit version pattern, signed or not, as the same bytes', () => {
    // Arrange
    const base = parseHeader(fromHex(HEADERS[0]!.header_hex));
    // Act
    const signed = serializeHeader({ ...base, version: -536870912 });
    const unsigned = serializeHeader({ ...base, version: 0xe0000000 });
    // Assert
    expect(signed.equals(unsigned)).toBe(true);
    expect(signed.subarray(0, 4).toString('hex')).toBe('000000e0');
    expect(parseHeader(signed).version).toBe(-536870912);
  });

  it('refuses hashes that are not 32 bytes and buffers shorter than a header', () => {
    const base = parseHeader(fromHex(HEADERS[0]!.header_hex));
    expect(() => serializeHeader({ ...base, prevHash: Buffer.alloc(31) })).toThrow(RangeError);
    expect(() => parseHeader(Buffer.alloc(79))).toThrow(RangeError);
  });
});
