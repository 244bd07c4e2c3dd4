import { createSHA256 } from 'hash-wasm';
import { sha256d } from '../hash.js';
import { SHA256D_DIFF1 } from '../difficulty/diff1.js';
import { internalHex } from './known-answers.js';
import type { KnownAnswer, PowAlgorithm } from './types.js';

const POW_JSON = 'Chimera /work/shared/vectors/pow.json';

/** Bitcoin main-chain headers; the block hash is the proof-of-work hash in display order. */
export const SHA256D_VECTORS: readonly KnownAnswer[] = [
  {
    inputHex:
      '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c',
    outputHex: internalHex('000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f'),
    source: `Bitcoin block 0 (genesis) header and block hash; ${POW_JSON}`,
  },
  {
    inputHex:
      '0100000050120119172a610421a6c3011dd330d9df07b63616c2cc1f1cd00200000000006657a9252aacd5c0b2940996ecff952228c3067cc38d4885efb5a4ac4247e9f337221b4d4c86041b0f2b5710',
    outputHex: internalHex('000000000003ba27aa200b1cecaad478d2b00432346c3f1f3986da1afd33e506'),
    source: `Bitcoin block 100000 header and block hash; ${POW_JSON}`,
  },
  {
    inputHex:
      '0100000081cd02ab7e569e8bcd9317e2fe99f2de44d49ab2b8851ba4a308000000000000e320b6c2fffc8d750423db8b1eb942ae710e951ed797f7affc8892b0f1fc122bc7f5d74df2b9441a42a14695',
    outputHex: internalHex('00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d'),
    source: `Bitcoin block 125552 header and block hash; ${POW_JSON}`,
  },
];

/** sha256d through node:crypto: one Hash object per digest. */
export const sha256dNodeCrypto: PowAlgorithm = {
  id: 'sha256d',
  diff1Target: SHA256D_DIFF1,
  hashHeader: sha256d,
  vectors: SHA256D_VECTORS,
};

/** sha256d through one reused hash-wasm hasher: no Hash object per call. */
export async function createSha256dHashWasm(): Promise<PowAlgorithm> {
  const hasher = await createSHA256();
  return {
    id: 'sha256d',
    diff1Target: SHA256D_DIFF1,
    hashHeader(header) {
      const once = hasher.init().update(header).digest('binary');
      const twice = hasher.init().update(once).digest('binary');
      return Buffer.from(twice.buffer, twice.byteOffset, twice.byteLength);
    },
    vectors: SHA256D_VECTORS,
  };
}
