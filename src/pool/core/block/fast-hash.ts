import { createSHA256 } from 'hash-wasm';

/*
 * sha256d for the share hot path. One reused hash-wasm hasher runs about twice as fast as
 * node:crypto's createHash on short inputs (measured: 80-byte sha256d ~560k/s against
 * ~250k/s), because it allocates no Hash object per call. The hasher is module state, but
 * every call below runs init..digest synchronously, so no call can see another's state (the
 * same holds for the scratch block of sha256dPair).
 */
const hasher = await createSHA256();
const pairScratch = new Uint8Array(64);

function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** sha256(sha256(data)). */
export function sha256dFast(data: Uint8Array): Buffer {
  hasher.init();
  hasher.update(data);
  const once = hasher.digest('binary');
  hasher.init();
  hasher.update(once);
  return view(hasher.digest('binary'));
}

/** sha256(sha256(left | right)) of two 32-byte hashes: one merkle tree node. */
export function sha256dPair(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) throw new RangeError('merkle nodes are 32 bytes');
  // One update of a reused 64-byte block costs less than two (each crosses into wasm).
  pairScratch.set(left, 0);
  pairScratch.set(right, 32);
  hasher.init();
  hasher.update(pairScratch);
  const once = hasher.digest('binary');
  hasher.init();
  hasher.update(once);
  return view(hasher.digest('binary'));
}

/**
 * The merkle root of a coinbase folded up its branch: sha256d(coinbase), then one
 * sha256d(node | sibling) per step. The hot path of every share; intermediate nodes stay
 * plain Uint8Arrays (no Buffer views made), and the result is a view of the last digest.
 */
export function foldBranch(coinbase: Uint8Array, branch: readonly Uint8Array[]): Buffer {
  hasher.init();
  hasher.update(coinbase);
  let node = hasher.digest('binary');
  hasher.init();
  hasher.update(node);
  node = hasher.digest('binary');
  for (const sibling of branch) {
    // One 64-byte update instead of two: each update costs hash-wasm a view and a copy.
    pairScratch.set(node, 0);
    pairScratch.set(sibling, 32);
    hasher.init();
    hasher.update(pairScratch);
    const once = hasher.digest('binary');
    hasher.init();
    hasher.update(once);
    node = hasher.digest('binary');
  }
  return view(node);
}
