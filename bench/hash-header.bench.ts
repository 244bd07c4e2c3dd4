/**
 * Per-core rate of PowAlgorithm.hashHeader on 80-byte headers, nonce changing every call
 * (as a miner grinds), for each built-in and for the implementations it was chosen over.
 */
import { scrypt as hashWasmScrypt } from 'hash-wasm';
import {
  SCRYPT_POW_PARAMS,
  blake2sNodeCrypto,
  createBuiltinAlgorithms,
  sha256dNodeCrypto,
  type PowAlgorithm,
} from '../src/pool/core/algorithms/index.js';
import type { Benchmark, Operation } from './benchmark.js';

const BITCOIN_GENESIS =
  '0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c';

let builtins: Promise<readonly PowAlgorithm[]> | undefined;

async function builtin(id: string): Promise<PowAlgorithm> {
  builtins ??= createBuiltinAlgorithms();
  const alg = (await builtins).find((a) => a.id === id);
  if (alg === undefined) throw new Error(`no built-in ${id}`);
  return alg;
}

/** A header whose nonce (bytes 76..80) changes on every call. */
function grind(hash: (header: Uint8Array) => unknown): Operation {
  const header = Buffer.from(BITCOIN_GENESIS, 'hex');
  let nonce = 0;
  return () => {
    header.writeUInt32LE(nonce, 76);
    nonce = (nonce + 1) >>> 0;
    return hash(header);
  };
}

const PREFIX = 'hash-header';

interface Alternative {
  readonly name: string;
  readonly note: string;
  readonly setup: () => Promise<Operation> | Operation;
}

/** The built-in is judged against itself and every alternative of the same algorithm. */
function family(
  id: string,
  builtinNote: string,
  alternatives: readonly Alternative[],
  why: string,
): Benchmark[] {
  const names = [`${PREFIX}/${id}`, ...alternatives.map((a) => `${PREFIX}/${id}:${a.name}`)];
  const chosen: Benchmark = {
    name: names[0]!,
    unit: 'hash',
    note: `built-in: ${builtinNote}`,
    setup: async () => grind((await builtin(id)).hashHeader),
    target: { kind: 'relative', of: names, within: 0.1, why },
  };
  const others = alternatives.map((a, i): Benchmark => ({
    name: names[i + 1]!,
    unit: 'hash',
    note: a.note,
    setup: a.setup,
  }));
  return [chosen, ...others];
}

const HASH_WASM_SCRYPT = {
  costFactor: SCRYPT_POW_PARAMS.N,
  blockSize: SCRYPT_POW_PARAMS.r,
  parallelism: SCRYPT_POW_PARAMS.p,
  hashLength: SCRYPT_POW_PARAMS.dkLen,
  outputType: 'binary',
} as const;

export const benchmarks: Benchmark[] = [
  ...family(
    'sha256d',
    'one reused hash-wasm SHA-256 hasher',
    [
      {
        name: 'node-crypto',
        note: 'createHash twice per hash',
        setup: () => grind(sha256dNodeCrypto.hashHeader),
      },
    ],
    'built-in is the fastest sha256d here',
  ),
  ...family(
    'scrypt',
    'node:crypto scryptSync (OpenSSL)',
    [
      {
        name: 'hash-wasm-async',
        note: 'hash-wasm scrypt(): async only, builds a wasm instance per call, so it cannot serve a synchronous hashHeader',
        setup: () =>
          grind((header) =>
            hashWasmScrypt({ ...HASH_WASM_SCRYPT, password: header, salt: header }),
          ),
      },
    ],
    'issue target: scrypt within 10% of the fastest scrypt in this runtime',
  ),
  ...family('blake3', 'one reused hash-wasm BLAKE3 hasher', [], 'no other BLAKE3 here'),
  ...family(
    'blake2s',
    'one reused hash-wasm BLAKE2s hasher',
    [
      {
        name: 'node-crypto',
        note: "createHash('blake2s256') per hash",
        setup: () => grind(blake2sNodeCrypto.hashHeader),
      },
    ],
    'built-in is the fastest BLAKE2s here',
  ),
];
