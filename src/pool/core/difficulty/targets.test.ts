import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import powJson from '../../../../../shared/vectors/pow.json' with { type: 'json' };
import {
  MAX_TARGET,
  bitsToTarget,
  decodeCompact,
  hashrateFromWork,
  targetToBits,
  workOfTarget,
} from './targets.js';

interface PowVectors {
  readonly compact_bits: readonly { readonly bits: string; readonly target: string }[];
  readonly sha256d_headers: readonly { readonly bits: string; readonly block_hash: string }[];
  readonly scrypt_headers: readonly {
    readonly bits: string;
    readonly target_of_bits: string;
    readonly pow_hash_scrypt_1024_1_1: string;
  }[];
}

// The shared, read-only vectors (outside the repository; the core's lint bars node:fs).
const vectors: PowVectors = powJson;

const hexBig = (hex: string): bigint => BigInt(`0x${hex}`);
const bitsOf = (hex: string): number => parseInt(hex, 16) >>> 0;

describe('compact bits against pow.json', () => {
  it.each(vectors.compact_bits)('$bits <-> its published target', ({ bits, target }) => {
    // Arrange
    const n = bitsOf(bits);
    // Act
    const decoded = bitsToTarget(n);
    // Assert
    expect(decoded).toBe(hexBig(target));
    expect(targetToBits(decoded)).toBe(n);
  });

  it.each(vectors.sha256d_headers)('$name: block hash meets the target of its bits', (h) => {
    const target = bitsToTarget(bitsOf(h.bits));
    expect(hexBig(h.block_hash) <= target).toBe(true);
    expect(targetToBits(target)).toBe(bitsOf(h.bits));
  });

  it.each(vectors.scrypt_headers)('$name: scrypt hash meets the target of its bits', (h) => {
    const target = bitsToTarget(bitsOf(h.bits));
    expect(target).toBe(hexBig(h.target_of_bits));
    expect(hexBig(h.pow_hash_scrypt_1024_1_1) <= target).toBe(true);
  });
});

// Bitcoin Core's src/test/arith_uint256_tests.cpp, bignum_SetCompact.
const coreCases: readonly (readonly [number, bigint, number, boolean, boolean])[] = [
  // bits, target, GetCompact(negative), negative, overflow
  [0x00000000, 0n, 0, false, false],
  [0x00123456, 0n, 0, false, false],
  [0x01003456, 0n, 0, false, false],
  [0x02000056, 0n, 0, false, false],
  [0x03000000, 0n, 0, false, false],
  [0x04000000, 0n, 0, false, false],
  [0x00923456, 0n, 0, false, false],
  [0x01803456, 0n, 0, false, false],
  [0x02800056, 0n, 0, false, false],
  [0x03800000, 0n, 0, false, false],
  [0x04800000, 0n, 0, false, false],
  [0x01123456, 0x12n, 0x01120000, false, false],
  [0x01fedcba, 0x7en, 0x01fe0000, true, false],
  [0x02123456, 0x1234n, 0x02123400, false, false],
  [0x03123456, 0x123456n, 0x03123456, false, false],
  [0x04123456, 0x12345600n, 0x04123456, false, false],
  [0x04923456, 0x12345600n, 0x04923456, true, false],
  [0x05009234, 0x92340000n, 0x05009234, false, false],
  [0x20123456, 0x123456n << 232n, 0x20123456, false, false],
];

describe('decodeCompact / targetToBits as Bitcoin Core', () => {
  it.each(coreCases)('%i', (bits, target, compact, negative, overflow) => {
    const decoded = decodeCompact(bits);
    expect(decoded).toEqual({ target, negative, overflow });
    expect(targetToBits(decoded.target, negative)).toBe(compact);
  });

  it('flags 0xff123456 as overflowing and bitsToTarget refuses it', () => {
    expect(decodeCompact(0xff123456)).toMatchObject({ negative: false, overflow: true });
    expect(() => bitsToTarget(0xff123456)).toThrow(RangeError);
  });

  it('never sets the sign bit when encoding: 0x80 is 0x02008000', () => {
    expect(targetToBits(0x80n)).toBe(0x02008000);
  });

  it('encodes the largest target without overflow, as size 0x21', () => {
    const bits = targetToBits(MAX_TARGET);
    expect(bits).toBe(0x2100ffff);
    expect(decodeCompact(bits)).toMatchObject({ overflow: false, negative: false });
  });

  it('refuses negative, zero-target and malformed bits, and out-of-range targets', () => {
    expect(() => bitsToTarget(0x04923456)).toThrow(/negative/);
    expect(() => bitsToTarget(0x01003456)).toThrow(/zero target/);
    expect(() => decodeCompact(-1)).toThrow(RangeError);
    expect(() => decodeCompact(2 ** 32)).toThrow(RangeError);
    expect(() => decodeCompact(1.5)).toThrow(RangeError);
    expect(() => targetToBits(-1n)).toThrow(RangeError);
    expect(() => targetToBits(MAX_TARGET + 1n)).toThrow(RangeError);
  });
});

const anyTarget = fc.bigInt({ min: 1n, max: MAX_TARGET });

/** Canonical bits by construction: a normalised mantissa and a size that cannot overflow. */
const canonicalBits = fc
  .oneof(
    // Top mantissa byte 0x01..0x7f: the target has exactly `size` bytes.
    fc.record({
      size: fc.integer({ min: 1, max: 32 }),
      mantissa: fc.integer({ min: 0x010000, max: 0x7fffff }),
    }),
    // Top mantissa byte 0x00 after the sign-bit shift: the next byte has its top bit set.
    fc.record({
      size: fc.integer({ min: 2, max: 33 }),
      mantissa: fc.integer({ min: 0x008000, max: 0x00ffff }),
    }),
  )
  .map(({ size, mantissa }) => {
    // Sizes below 3 keep only the mantissa bytes that fit; the dropped ones must be zero.
    const kept = size >= 3 ? mantissa : mantissa & ~((1 << (8 * (3 - size))) - 1);
    return ((size << 24) | kept) >>> 0;
  })
  .filter((bits) => decodeCompact(bits).target !== 0n);

describe('compact round trips (properties)', () => {
  it('bits -> target -> bits is the identity for canonical bits', () => {
    fc.assert(
      fc.property(canonicalBits, (bits) => {
        expect(targetToBits(bitsToTarget(bits))).toBe(bits);
      }),
    );
  });

  it('target -> bits -> target only drops low-order bytes, never raises the target', () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        // Act
        const bits = targetToBits(target);
        const back = bitsToTarget(bits);
        // Assert: at most the bytes below the mantissa are lost (below the top two when the
        // sign-bit shift made room, so read the size from the bits).
        const size = bits >>> 24;
        const dropped = size > 3 ? 1n << BigInt(8 * (size - 3)) : 1n;
        expect(back <= target).toBe(true);
        expect(target - back < dropped).toBe(true);
        expect(back % dropped).toBe(0n);
        // A second trip changes nothing.
        expect(targetToBits(back)).toBe(bits);
      }),
    );
  });

  it('targetToBits is monotonic: a larger target never encodes to a smaller one', () => {
    fc.assert(
      fc.property(anyTarget, anyTarget, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(bitsToTarget(targetToBits(lo)) <= bitsToTarget(targetToBits(hi))).toBe(true);
      }),
    );
  });
});

describe('workOfTarget', () => {
  it('gives the genesis block its known chain work 0x100010001', () => {
    expect(workOfTarget(bitsToTarget(0x1d00ffff))).toBe(0x100010001n);
  });

  it('gives 2^256 for target 0 and 1 for the largest target', () => {
    expect(workOfTarget(0n)).toBe(1n << 256n);
    expect(workOfTarget(MAX_TARGET)).toBe(1n);
  });

  it('is floor(2^256 / (target + 1)) and never rises with the target (property)', () => {
    fc.assert(
      fc.property(anyTarget, anyTarget, (a, b) => {
        const w = workOfTarget(a);
        expect(w * (a + 1n) <= 1n << 256n).toBe(true);
        expect((w + 1n) * (a + 1n) > 1n << 256n).toBe(true);
        if (a <= b) expect(workOfTarget(b) <= w).toBe(true);
      }),
    );
  });
});

describe('hashrateFromWork', () => {
  it('is work per second', () => {
    expect(hashrateFromWork(2n ** 32n * 600n, 600_000)).toBe(2 ** 32);
    expect(hashrateFromWork(0n, 1)).toBe(0);
  });

  it('refuses non-positive or non-finite elapsed time and negative work', () => {
    expect(() => hashrateFromWork(1n, 0)).toThrow(RangeError);
    expect(() => hashrateFromWork(1n, Number.NaN)).toThrow(RangeError);
    expect(() => hashrateFromWork(-1n, 1)).toThrow(RangeError);
  });
});
