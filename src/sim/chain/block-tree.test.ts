import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST_COIN } from '../../pool/core/coins/index.js';
import { assembleBlock } from './assemble.js';
import { BlockTree, type NewBlock } from './block-tree.js';
import { genesisBlock } from './genesis.js';
import type { StoredBlock } from './types.js';

const REGTEST_BITS = 0x207fffff;
const HARDER_BITS = 0x201fffff;

let salt = 0;
function child(parent: StoredBlock, bits = REGTEST_BITS): NewBlock {
  return assembleBlock(
    {
      height: parent.height + 1,
      prevHash: parent.hash,
      version: 0x20000000,
      bits,
      timeSec: parent.header.time + 60,
      nonce: salt++,
      coinbaseValueSats: 1n,
      txs: [],
      payScript: Buffer.from('51', 'hex'),
      witnessCommitment: false,
      tag: 't',
      extranonce: Buffer.alloc(0),
    },
    { source: 'external', receivedAtMs: 0 },
  );
}

function tree(): BlockTree {
  return new BlockTree(genesisBlock(BITCOIN_REGTEST_COIN, 1_000_000, REGTEST_BITS, 0));
}

describe('BlockTree', () => {
  it('keeps the first-seen branch on a tie and reorganises when the other branch pulls ahead', () => {
    // Arrange
    const t = tree();
    const g = t.tip;
    const a1 = t.add(child(g)).block;
    const b1 = t.add(child(g)).block;
    // Assert: tie, first seen stays
    expect(t.tip).toBe(a1);
    expect(t.candidates()).toEqual([a1, b1]);
    expect(t.confirmations(b1)).toBe(-1);
    // Act
    const b2 = t.add(child(b1));
    // Assert
    expect(t.tip).toBe(b2.block);
    expect(b2.change?.disconnected).toEqual([a1]);
    expect(b2.change?.connected).toEqual([b1, b2.block]);
    expect(t.confirmations(a1)).toBe(-1);
    expect(t.confirmations(b1)).toBe(2);
    expect(t.candidates()).toEqual([b2.block]);
  });

  it('counts work, not length: one harder block beats two easy ones', () => {
    const t = tree();
    const g = t.tip;
    const e1 = t.add(child(g)).block;
    t.add(child(e1));
    const hard = t.add(child(g, HARDER_BITS));
    expect(t.tip).toBe(hard.block);
    expect(hard.change?.disconnected).toHaveLength(2);
    expect(t.tip.height).toBe(1);
  });

  it('finds ancestors across a side branch and the main chain', () => {
    const t = tree();
    let main = t.tip;
    for (let i = 0; i < 5; i++) main = t.add(child(main)).block;
    const side = t.add(child(t.atHeight(3)!)).block;
    expect(t.ancestor(side, 3)).toBe(t.atHeight(3));
    expect(t.ancestor(side, 0)).toBe(t.atHeight(0));
    expect(t.ancestor(side, 4)).toBe(side);
    expect(t.ancestor(side, 5)).toBeUndefined();
  });

  it('property: the tip has the most work, first seen among equals, and the main chain links up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(), hard: fc.boolean() }), {
          minLength: 1,
          maxLength: 40,
        }),
        (steps) => {
          // Arrange
          const t = tree();
          const blocks: StoredBlock[] = [t.tip];
          // Act
          for (const s of steps) {
            const parent = blocks[s.parent % blocks.length]!;
            blocks.push(t.add(child(parent, s.hard ? HARDER_BITS : REGTEST_BITS)).block);
          }
          // Assert
          const maxWork = blocks.reduce((m, b) => (b.chainWork > m ? b.chainWork : m), 0n);
          const firstBest = blocks.find((b) => b.chainWork === maxWork);
          expect(t.tip).toBe(firstBest);
          for (let h = 1; h <= t.tip.height; h++)
            expect(t.atHeight(h)!.parent).toBe(t.atHeight(h - 1));
          for (const b of blocks) {
            const onMain = t.atHeight(b.height) === b;
            expect(t.confirmations(b)).toBe(onMain ? t.tip.height - b.height + 1 : -1);
          }
        },
      ),
    );
  });
});
