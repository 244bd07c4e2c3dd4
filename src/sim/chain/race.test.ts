import { describe, expect, it } from 'vitest';
import { createRng } from '../../runtime/index.js';
import { makeSim } from './chain.fixtures.js';
import { minePoolBlock } from './pool-block.fixtures.js';
import { chooseExternalParent } from './race.js';
import type { StoredBlock } from './types.js';

function fake(name: string, receivedAtMs: number, parent?: StoredBlock): StoredBlock {
  return { hashHex: name, receivedAtMs, parent } as unknown as StoredBlock;
}

/** Triangular CDF on [-1, 1]: the chance a block seen `u` delays earlier reaches a miner first. */
function triangular(u: number): number {
  return u <= 0 ? (1 + u) ** 2 / 2 : 1 - (1 - u) ** 2 / 2;
}

describe('chooseExternalParent (seeded)', () => {
  it('with no delay always extends the tip', () => {
    const g = fake('g', 0);
    const tip = fake('b', 10, g);
    const rival = fake('e', 5, g);
    expect(chooseExternalParent([tip, rival], 20, 0, createRng(1))).toBe(tip);
  });

  it('picks between two rivals with the triangular law of their arrival gap', () => {
    // Arrange: B seen at 0, E at 500, delay 1000, both fully spread by now
    const g = fake('g', 0);
    const b = fake('b', 0, g);
    const e = fake('e', 500, g);
    const rng = createRng('tri');
    // Act
    let bWins = 0;
    for (let i = 0; i < 20_000; i++)
      if (chooseExternalParent([b, e], 10_000, 1_000, rng) === b) bWins++;
    // Assert: F(0.5) = 0.875, binomial sd 0.0023
    expect(Math.abs(bWins / 20_000 - triangular(0.5))).toBeLessThan(0.01);
  });

  it("falls back to the tip's parent when no candidate has reached the finder yet", () => {
    const g = fake('g', 0);
    const b = fake('b', 0, g);
    const rng = createRng('unseen');
    let onParent = 0;
    for (let i = 0; i < 10_000; i++)
      if (chooseExternalParent([b], 300, 1_000, rng) === g) onParent++;
    expect(Math.abs(onParent / 10_000 - 0.7)).toBeLessThan(0.02);
  });
});

describe('pool blocks racing the network (seeded)', () => {
  it('a pool block that arrives a whole delay after a competing external block always loses: an orphan', async () => {
    // Arrange
    const { sim, vt } = makeSim({
      externalMiners: [{ id: 'net', hashrate: 2 / 150 }],
      propagationDelayMs: 5_000,
    });
    const stale = sim.blockTemplate();
    sim.start();
    while (sim.tip.height < 1) await vt.advanceBy(1_000);
    await vt.advanceBy(5_000);
    // Act: the pool finds a block on the old tip
    const late = minePoolBlock(stale, { ntime: Math.floor(vt.nowMs() / 1000) });
    expect(sim.submitBlock(late.hex)).toEqual({ kind: 'rejected', reason: 'inconclusive' });
    while (sim.tip.height < 3) await vt.advanceBy(60_000);
    sim.stop();
    // Assert
    expect(sim.headerInfo(late.hash)?.confirmations).toBe(-1);
    expect(sim.blockAt(2)?.parent).toBe(sim.blockAt(1));
    expect(sim.blockAt(1)?.source).toBe('external');
  });

  it('a pool block that came first mostly keeps its place; with no delay it always does', async () => {
    async function race(seed: number, delayMs: number): Promise<boolean> {
      const { sim, vt } = makeSim(
        { externalMiners: [{ id: 'net', hashrate: 2 / 150 }], propagationDelayMs: delayMs },
        seed,
      );
      const block = minePoolBlock(sim.blockTemplate());
      sim.submitBlock(block.hex);
      sim.start();
      while (sim.tip.height < 3) await vt.advanceBy(60_000);
      sim.stop();
      return sim.headerInfo(block.hash)?.confirmations !== -1;
    }
    const withDelay: boolean[] = [];
    for (let seed = 0; seed < 200; seed++) withDelay.push(await race(seed, 150_000));
    const kept = withDelay.filter(Boolean).length;
    console.log(`pool block kept in ${kept}/200 races with a 150 s propagation spread`);
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(200);
    for (let seed = 0; seed < 20; seed++) expect(await race(seed, 0)).toBe(true);
    expect(await race(7, 150_000)).toBe(withDelay[7]);
  });
});
