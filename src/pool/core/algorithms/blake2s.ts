import { createHash } from 'node:crypto';
import { createBLAKE2s } from 'hash-wasm';
import { SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { countingHex } from './known-answers.js';
import type { KnownAnswer, PowAlgorithm } from './types.js';

const KAT = 'BLAKE2/BLAKE2 testvectors/blake2-kat.json, blake2s unkeyed, input 00..';

function kat(inputLength: number, outputHex: string): KnownAnswer {
  return {
    inputHex: countingHex(inputLength),
    outputHex,
    source: `${KAT}${(inputLength - 1).toString(16).padStart(2, '0')} (${inputLength} bytes)`,
  };
}

export const BLAKE2S_VECTORS: readonly KnownAnswer[] = [
  {
    inputHex: Buffer.from('abc').toString('hex'),
    outputHex: '508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982',
    source: 'RFC 7693 Appendix B, BLAKE2s-256("abc")',
  },
  {
    inputHex: '',
    outputHex: '69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9',
    source: 'BLAKE2/BLAKE2 testvectors/blake2-kat.json, blake2s unkeyed, empty input',
  },
  kat(1, 'e34d74dbaf4ff4c6abd871cc220451d2ea2648846c7757fbaac82fe51ad64bea'),
  kat(64, '56f34e8b96557e90c1f24b52d0c89d51086acf1b00f634cf1dde9233b8eaaa3e'),
  kat(65, '1b53ee94aaf34e4b159d48de352c7f0661d0a40edff95a0b1639b4090e974472'),
  kat(80, 'aff3b75f3f581264d7661662b92f5ad37c1d32bd45ff81a4ed8adc9ef30dd989'),
];

const BLAKE2S = { id: 'blake2s', diff1Target: SHA256D_DIFF1, vectors: BLAKE2S_VECTORS } as const;

/**
 * BLAKE2s-256 through node:crypto (OpenSSL's blake2s256). Like blake3, it has no coin-family
 * difficulty-1 target here and uses sha256d's, 0xffff * 2^208.
 */
export const blake2sNodeCrypto: PowAlgorithm = {
  ...BLAKE2S,
  hashHeader: (header) => createHash('blake2s256').update(header).digest(),
};

/** BLAKE2s-256 through one reused hash-wasm hasher. */
export async function createBlake2sHashWasm(): Promise<PowAlgorithm> {
  const hasher = await createBLAKE2s(256);
  return {
    ...BLAKE2S,
    hashHeader(header) {
      const out = hasher.init().update(header).digest('binary');
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    },
  };
}
