import { sha256dPair } from './fast-hash.js';

/*
 * Bitcoin's transaction merkle tree over txids in internal byte order. A level with an odd
 * count pairs its last hash with itself (the rule behind CVE-2012-2459; block validation
 * guards against it, the pool only has to compute the same root).
 */

/** The root of a non-empty list of hashes. */
export function merkleRoot(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) throw new RangeError('merkle root of no hashes');
  let level: readonly Buffer[] = hashes;
  while (level.length > 1) level = nextLevel(level);
  return Buffer.from(level[0]!);
}

/**
 * The hashes a miner folds into the coinbase hash to reach the root (Stratum's merkle_branch):
 * the sibling of the leftmost node on every level. Only the transactions after the coinbase
 * are needed, because the coinbase (index 0) is always the leftmost leaf.
 */
export function merkleBranch(hashesAfterCoinbase: readonly Buffer[]): Buffer[] {
  const branch: Buffer[] = [];
  // Level without its leftmost node, which is what the miner holds.
  let rest: readonly Buffer[] = hashesAfterCoinbase;
  while (rest.length > 0) {
    branch.push(Buffer.from(rest[0]!));
    const pairs: Buffer[] = [];
    for (let i = 1; i < rest.length; i += 2) {
      const left = rest[i]!;
      pairs.push(sha256dPair(left, rest[i + 1] ?? left));
    }
    rest = pairs;
  }
  return branch;
}

/** Folds a leaf (the coinbase txid) up through a branch: the block's merkle root. */
export function rootFromBranch(leaf: Buffer, branch: readonly Buffer[]): Buffer {
  let node = leaf;
  for (const sibling of branch) node = sha256dPair(node, sibling);
  return node === leaf ? Buffer.from(leaf) : node;
}

function nextLevel(level: readonly Buffer[]): Buffer[] {
  const next: Buffer[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i]!;
    next.push(sha256dPair(left, level[i + 1] ?? left));
  }
  return next;
}
