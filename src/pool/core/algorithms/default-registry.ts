import { ChimeraError } from '../../../errors.js';
import { createBlake2sHashWasm } from './blake2s.js';
import { createBlake3HashWasm } from './blake3.js';
import { AlgorithmRegistry } from './registry.js';
import { scryptNodeCrypto } from './scrypt.js';
import { createSha256dHashWasm } from './sha256d.js';
import type { PowAlgorithm } from './types.js';

/**
 * The built-in implementations, each the fastest correct one of the libraries we use,
 * measured on Node 20 (`npm run bench -- hash-header`): hash-wasm (one reused hasher) for
 * sha256d, blake3 and blake2s; node:crypto (OpenSSL) for scrypt, since hash-wasm's scrypt is
 * asynchronous and several times slower. Each call builds its own hashers.
 */
export async function createBuiltinAlgorithms(): Promise<readonly PowAlgorithm[]> {
  return Promise.all([
    createSha256dHashWasm(),
    Promise.resolve(scryptNodeCrypto),
    createBlake3HashWasm(),
    createBlake2sHashWasm(),
  ]);
}

/** A registry holding every built-in algorithm, each checked against its known answers. */
export async function createDefaultRegistry(): Promise<AlgorithmRegistry> {
  const registry = new AlgorithmRegistry();
  for (const alg of await createBuiltinAlgorithms()) {
    const result = registry.register(alg);
    if (result.kind === 'rejected') {
      throw new ChimeraError('BUILTIN_ALGORITHM_REJECTED', `built-in '${alg.id}' failed`, {
        rejection: result.rejection,
      });
    }
  }
  return registry;
}
