/**
 * Difficulty-1 targets: the target a share of pool difficulty 1 must meet. Real coin
 * families differ: scrypt coins count difficulty against a target 2^16 easier than Bitcoin's.
 */
export const SHA256D_DIFF1 = 0xffffn << 208n;
export const SCRYPT_DIFF1 = 0xffffn << 224n;
