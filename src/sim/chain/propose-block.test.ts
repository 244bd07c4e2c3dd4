import { describe, expect, it } from 'vitest';
import { createRng } from '../../runtime/index.js';
import { makeSim } from './chain.fixtures.js';
import { minePoolBlock } from './pool-block.fixtures.js';
import { syntheticTx } from './synthetic-tx.js';

const rejected = (reason: string): unknown => ({ kind: 'rejected', reason });

describe('getblocktemplate proposal mode', () => {
  it('accepts a well-formed block without proof of work and stores nothing', () => {
    const { sim } = makeSim();
    const rng = createRng('proposal');
    for (let i = 0; i < 2; i++)
      sim.addTransaction(
        syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 0.5 } }),
      );
    const block = minePoolBlock(sim.blockTemplate(), { invalidPow: true });
    expect(sim.proposeBlock(block.hex)).toEqual({ kind: 'accepted' });
    expect(sim.tip.height).toBe(0);
    expect(sim.submitBlock(block.hex)).toEqual(rejected('high-hash'));
  });

  it('answers inconclusive-not-best-prevblk for a block whose parent is not the tip', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    sim.generate(1);
    expect(sim.proposeBlock(minePoolBlock(t).hex)).toEqual(
      rejected('inconclusive-not-best-prevblk'),
    );
  });

  it('checks the header in context: bad-diffbits without any proof of work', () => {
    const { sim } = makeSim();
    const t = sim.blockTemplate();
    sim.difficultyJump(2);
    const block = minePoolBlock(
      { ...sim.blockTemplate(), bits: t.bits, target: t.target },
      { invalidPow: true },
    );
    expect(sim.proposeBlock(block.hex)).toEqual(rejected('bad-diffbits'));
  });
});
