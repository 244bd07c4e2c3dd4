import { difficultyFrom, targetFromDifficulty } from '../../../pool/core/difficulty/index.js';

const TWO_256 = 1n << 256n;

/**
 * The target a miner grinds for at a difficulty it was sent as a JSON number. The number is
 * read as the exact decimal it prints as, then the target is lowered by one part in 2^40: the
 * pool judges with its exact difficulty, of which the wire number is only the nearest double
 * (2^-53 away), so a share at the very edge of the miner's target could otherwise miss the
 * pool's. The margin costs one share in a trillion.
 */
export function shareTargetOf(diff1Target: bigint, difficulty: number): bigint {
  const target = targetFromDifficulty(diff1Target, difficultyFrom(difficulty));
  const lowered = target - (target >> 40n) - 1n;
  return lowered > 0n ? lowered : 1n;
}

/** 2^256 / (target + 1): the expected hashes behind one solution of `target`. */
export function expectedHashes(target: bigint): number {
  return Number(TWO_256 / (target + 1n));
}

/**
 * Expected hashes per share at a pool difficulty: difficulty x 2^256 / diff1 (about
 * difficulty x 2^32 for sha256d, difficulty x 65,537 for scrypt's easier diff1).
 */
export function hashesPerShare(diff1Target: bigint, difficulty: number): number {
  return difficulty * (Number(TWO_256) / Number(diff1Target + 1n));
}

/** The target as 32 little-endian bytes, as hashes come out of the hasher. */
export function targetBytesLE(target: bigint): Buffer {
  const out = Buffer.alloc(32);
  let t = target;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  return out;
}

/** hash <= target, both as little-endian 256-bit numbers, without making a bigint. */
export function meetsTarget(hash: Uint8Array, targetLE: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const h = hash[i]!;
    const t = targetLE[i]!;
    if (h !== t) return h < t;
  }
  return true;
}

/** A hash (little-endian bytes) as a number, for the record. */
export function hashValue(hash: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(hash).reverse().toString('hex')}`);
}
