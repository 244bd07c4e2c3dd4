import { scryptSync } from 'node:crypto';
import { SCRYPT_DIFF1 } from '../difficulty/diff1.js';
import { internalHex } from './known-answers.js';
import type { KnownAnswer, PowAlgorithm } from './types.js';

/** Litecoin-family proof of work: scrypt(header, salt = header, N, r, p, dkLen). */
export const SCRYPT_POW_PARAMS = { N: 1024, r: 1, p: 1, dkLen: 32 } as const;

export const SCRYPT_VECTORS: readonly KnownAnswer[] = [
  {
    inputHex:
      '010000000000000000000000000000000000000000000000000000000000000000000000d9ced4ed1130f7b7faad9be25323ffafa33232a17c3edf6cfd97bee6bafbdd97b9aa8e4ef0ff0f1ecd513f7c',
    outputHex: internalHex('0000050c34a64b415b6b15b37f2216634b5b1669cb9a2e38d76f7213b0671e00'),
    source:
      'Litecoin block 0 (genesis) header and its scrypt(1024,1,1) proof-of-work hash; Chimera /work/shared/vectors/pow.json',
  },
];

const { N, r, p, dkLen } = SCRYPT_POW_PARAMS;

/** scrypt through node:crypto (OpenSSL). */
export const scryptNodeCrypto: PowAlgorithm = {
  id: 'scrypt',
  diff1Target: SCRYPT_DIFF1,
  hashHeader: (header) => scryptSync(header, header, dkLen, { N, r, p }),
  vectors: SCRYPT_VECTORS,
};
