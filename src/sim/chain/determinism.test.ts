import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MINER_A, MINER_B, makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import { minePoolBlock } from './pool-block.fixtures.js';

const MINUTE = 60_000;

/**
 * Two virtual hours of a busy chain: traffic, two external miners racing the pool with a
 * propagation spread, pool blocks every 10 minutes, a payout, a reorg and a difficulty jump.
 * Returns the sha256 of every block's bytes in arrival order, then the mempool.
 */
async function run(seed: string): Promise<{ digest: string; blocks: number; orphans: number }> {
  const { sim, vt } = makeSim(
    {
      externalMiners: [
        { id: 'big', hashrate: 1.5 / 150 },
        { id: 'small', hashrate: 0.5 / 150 },
      ],
      propagationDelayMs: 20_000,
      mempool: { txPerSec: 0.2 },
    },
    seed,
  );
  sim.generate(101, undefined);
  sim.generate(1, minerScript(sim.coin, 'setup'));
  sim.start();
  for (let minute = 1; minute <= 120; minute++) {
    await vt.advanceBy(MINUTE);
    if (minute % 10 === 0)
      sim.submitBlock(minePoolBlock(sim.blockTemplate(), { extranonce2: minute }).hex);
    if (minute === 30)
      sim.wallet!.sendMany(
        new Map([
          [MINER_A, 100_000n],
          [MINER_B, 250_000n],
        ]),
      );
    if (minute === 60) sim.reorg(2);
    if (minute === 90) sim.difficultyJump(2);
  }
  sim.stop();
  const h = createHash('sha256');
  let orphans = 0;
  for (const b of sim.state.tree.all()) {
    h.update(b.raw);
    if (sim.state.tree.confirmations(b) === -1) orphans++;
  }
  for (const tx of sim.state.mempool.all()) h.update(tx.data);
  return { digest: h.digest('hex'), blocks: sim.state.tree.size, orphans };
}

describe('determinism', () => {
  it('one seed and one sequence of events give the same chain, byte for byte', async () => {
    // Act
    const a = await run('replay');
    const b = await run('replay');
    const c = await run('other');
    // Assert
    console.log(
      `seed replay: ${a.blocks} blocks (${a.orphans} off the main chain), sha256 ${a.digest}`,
    );
    expect(b).toEqual(a);
    expect(c.digest).not.toBe(a.digest);
    expect(a.blocks).toBeGreaterThan(140);
    expect(a.orphans).toBeGreaterThan(0);
  });
});
