/**
 * Compact "bits" <-> 256-bit targets, bit for bit as Bitcoin Core's arith_uint256
 * SetCompact/GetCompact, and the work a target stands for.
 */

export const MAX_TARGET = (1n << 256n) - 1n;
const TWO_256 = 1n << 256n;

export interface CompactTarget {
  /** The magnitude, truncated to 256 bits as arith_uint256 does when the bits overflow. */
  readonly target: bigint;
  readonly negative: boolean;
  readonly overflow: boolean;
}

function assertBits(bits: number): void {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) {
    throw new RangeError(`compact bits must be a uint32, got ${bits}`);
  }
}

function assertTarget(target: bigint, what: string): void {
  if (target < 0n || target > MAX_TARGET) {
    throw new RangeError(`${what} must be in 0..2^256-1, got ${target}`);
  }
}

export function bitsHex(bits: number): string {
  return (bits >>> 0).toString(16).padStart(8, '0');
}

/** arith_uint256::SetCompact, with its negative and overflow flags. */
export function decodeCompact(bits: number): CompactTarget {
  assertBits(bits);
  const size = bits >>> 24;
  let word = bits & 0x007fffff;
  let target: bigint;
  if (size <= 3) {
    word >>>= 8 * (3 - size);
    target = BigInt(word);
  } else {
    target = (BigInt(word) << BigInt(8 * (size - 3))) & MAX_TARGET;
  }
  const negative = word !== 0 && (bits & 0x00800000) !== 0;
  const overflow =
    word !== 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
  return { target, negative, overflow };
}

/**
 * The target a block header's bits demand. Throws a RangeError for bits that consensus
 * refuses (CheckProofOfWork): negative, overflowing, or a zero target that nothing can meet.
 */
export function bitsToTarget(bits: number): bigint {
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative) throw new RangeError(`compact bits ${bitsHex(bits)} are negative`);
  if (overflow) throw new RangeError(`compact bits ${bitsHex(bits)} overflow 256 bits`);
  if (target === 0n) throw new RangeError(`compact bits ${bitsHex(bits)} encode a zero target`);
  return target;
}

function byteLength(n: bigint): number {
  return n === 0n ? 0 : (n.toString(16).length + 1) >> 1;
}

/**
 * arith_uint256::GetCompact: keeps the top three bytes (low-order bits are dropped, so the
 * encoded target is never above the original) and moves a mantissa whose top bit would read
 * as the sign one byte down.
 */
export function targetToBits(target: bigint, negative = false): number {
  assertTarget(target, 'target');
  let size = byteLength(target);
  let compact =
    size <= 3 ? Number(target) << (8 * (3 - size)) : Number(target >> BigInt(8 * (size - 3)));
  if ((compact & 0x00800000) !== 0) {
    compact >>>= 8;
    size += 1;
  }
  compact |= size << 24;
  if (negative && (compact & 0x007fffff) !== 0) compact |= 0x00800000;
  return compact >>> 0;
}

/** floor(2^256 / (target + 1)): Bitcoin's chain work of a block, the expected hashes per solution. */
export function workOfTarget(target: bigint): bigint {
  assertTarget(target, 'target');
  return TWO_256 / (target + 1n);
}

/** Hashes per second that `work` done over `elapsedMs` stands for. For display only. */
export function hashrateFromWork(work: bigint, elapsedMs: number): number {
  if (work < 0n) throw new RangeError(`work must be >= 0, got ${work}`);
  if (!Number.isFinite(elapsedMs) || elapsedMs <= 0) {
    throw new RangeError(`elapsedMs must be a finite number > 0, got ${elapsedMs}`);
  }
  return (Number(work) * 1000) / elapsedMs;
}
