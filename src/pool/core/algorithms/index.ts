export type { KnownAnswer, PowAlgorithm } from './types.js';
export { verifyAlgorithm, HASH_BYTES, type VerifyFailure, type VerifyResult } from './verify.js';
export {
  AlgorithmRegistry,
  type RegisterResult,
  type ReplaceResult,
  type RegistryRejection,
} from './registry.js';
export { createBuiltinAlgorithms, createDefaultRegistry } from './default-registry.js';
export { SHA256D_VECTORS, sha256dNodeCrypto, createSha256dHashWasm } from './sha256d.js';
export { SCRYPT_POW_PARAMS, SCRYPT_VECTORS, scryptNodeCrypto } from './scrypt.js';
export { BLAKE3_VECTORS, createBlake3HashWasm } from './blake3.js';
export { BLAKE2S_VECTORS, blake2sNodeCrypto, createBlake2sHashWasm } from './blake2s.js';
