import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDisplayHex, toDisplayHex } from '../bytes.js';
import { sha256d } from '../hash.js';
import { POW_VECTORS } from './block.fixtures.js';
import { merkleBranch, merkleRoot, rootFromBranch } from './merkle.js';

const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((a) => Buffer.from(a));

/** The textbook definition, written independently: concatenate, hash, duplicate odd tails. */
function referenceRoot(leaves: readonly Buffer[]): Buffer {
  let level = [...leaves];
  while (level.length > 1) {
    if (level.length % 2 === 1) level.push(level[level.length - 1]!);
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(sha256d(Buffer.concat([level[i]!, level[i + 1]!])));
    }
    level = next;
  }
  return level[0]!;
}

describe('merkle tree', () => {
  it("bitcoin block 100000's txids give its merkle root", () => {
    // Arrange
    const block = POW_VECTORS.sha256d_headers.find((h) => h.name === 'bitcoin height 100000');
    const txids = (block?.txids ?? []).map(fromDisplayHex);
    // Act
    const root = merkleRoot(txids);
    const viaBranch = rootFromBranch(txids[0]!, merkleBranch(txids.slice(1)));
    // Assert
    expect(txids).toHaveLength(4);
    expect(toDisplayHex(root)).toBe(block?.merkle_root);
    expect(toDisplayHex(viaBranch)).toBe(block?.merkle_root);
  });

  it('a single transaction is its own root, with an empty branch', () => {
    // Arrange: the genesis block has one transaction, so its merkle root is that txid.
    const genesisRoot = POW_VECTORS.sha256d_headers[0]?.merkle_root ?? '';
    const coinbase = fromDisplayHex(genesisRoot);
    // Act / Assert
    expect(merkleBranch([])).toEqual([]);
    expect(toDisplayHex(merkleRoot([coinbase]))).toBe(genesisRoot);
    expect(toDisplayHex(rootFromBranch(coinbase, []))).toBe(genesisRoot);
  });

  it('folding the branch from the coinbase reaches the root, for 0..40 other transactions', () => {
    fc.assert(
      fc.property(hash32, fc.array(hash32, { maxLength: 40 }), (coinbase, rest) => {
        // Act
        const branch = merkleBranch(rest);
        const folded = rootFromBranch(coinbase, branch);
        // Assert
        expect(folded.equals(merkleRoot([coinbase, ...rest]))).toBe(true);
        expect(folded.equals(referenceRoot([coinbase, ...rest]))).toBe(true);
        expect(branch).toHaveLength(rest.length === 0 ? 0 : Math.ceil(Math.log2(rest.length + 1)));
      }),
    );
  });

  it('does not alias or modify its inputs', () => {
    // Arrange
    const leaf = Buffer.alloc(32, 1);
    const copy = Buffer.from(leaf);
    // Act
    const root = merkleRoot([leaf]);
    root[0] = 9;
    // Assert
    expect(leaf.equals(copy)).toBe(true);
    expect(() => merkleRoot([])).toThrow(RangeError);
  });
});
