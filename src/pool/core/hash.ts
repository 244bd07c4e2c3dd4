import { createHash } from 'node:crypto';

/** SHA-256 (node:crypto: native, synchronous, the fastest single-shot digest here). */
export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** SHA-256 applied twice: txids, merkle nodes, block ids. */
export function sha256d(data: Uint8Array): Buffer {
  return createHash('sha256').update(createHash('sha256').update(data).digest()).digest();
}
