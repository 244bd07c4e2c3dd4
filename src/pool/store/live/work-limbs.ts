/**
 * Redis counts in signed 64-bit integers, and a bucket's work can pass 2^63 (a few shares at
 * difficulty 2^31). So work is kept as three 40-bit limbs, each summed on its own: a limb
 * counter stays below 2^63 for 2^23 additions per bucket, and the exact total is rebuilt as
 * l0 + l1 * 2^40 + l2 * 2^80 however the limb sums carry.
 */
const LIMB_BITS = 40n;
const LIMB_MASK = (1n << LIMB_BITS) - 1n;
export const LIMBS = ['l0', 'l1', 'l2'] as const;

/** The limbs of work < 2^120 (checked by the caller), least significant first. */
export function toLimbs(work: bigint): [bigint, bigint, bigint] {
  return [work & LIMB_MASK, (work >> LIMB_BITS) & LIMB_MASK, work >> (2n * LIMB_BITS)];
}

/** The total of limb sums, least significant first. */
export function fromLimbs(sums: readonly bigint[]): bigint {
  return sums.reduce((total, sum, i) => total + (sum << (BigInt(i) * LIMB_BITS)), 0n);
}
