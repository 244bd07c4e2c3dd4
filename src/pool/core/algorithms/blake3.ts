import { createBLAKE3 } from 'hash-wasm';
import { SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { blake3PatternHex } from './known-answers.js';
import type { KnownAnswer, PowAlgorithm } from './types.js';

const SOURCE =
  'BLAKE3-team/BLAKE3 test_vectors/test_vectors.json, "hash" (first 32 bytes), input_len';

function vector(inputLength: number, outputHex: string): KnownAnswer {
  return {
    inputHex: blake3PatternHex(inputLength),
    outputHex,
    source: `${SOURCE} ${inputLength}`,
  };
}

export const BLAKE3_VECTORS: readonly KnownAnswer[] = [
  vector(0, 'af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262'),
  vector(1, '2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213'),
  vector(1023, '10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11'),
  vector(1024, '42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7'),
  vector(1025, 'd00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444'),
];

/**
 * BLAKE3 with 32-byte output through one reused hash-wasm hasher. No coin family fixes a
 * difficulty-1 target for it here, so it uses sha256d's, 0xffff * 2^208.
 */
export async function createBlake3HashWasm(): Promise<PowAlgorithm> {
  const hasher = await createBLAKE3(256);
  return {
    id: 'blake3',
    diff1Target: SHA256D_DIFF1,
    hashHeader(header) {
      const out = hasher.init().update(header).digest('binary');
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    },
    vectors: BLAKE3_VECTORS,
  };
}
