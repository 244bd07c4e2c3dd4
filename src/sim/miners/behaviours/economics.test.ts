import { afterEach, describe, expect, it } from 'vitest';
import { poolJob } from '../../../pool/stratum/stratum.fixtures.js';
import { createPoolBench, type PoolBench } from '../miner/miner.fixtures.js';
import { blockWithholding } from './block-withholding.js';
import { honest } from './honest.js';
import { HOP_WINDOW_MS, poolHopping } from './pool-hopping.js';
import { judgeBehaviour } from './verdict.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

describe('abuse the protocol cannot refuse shows in ground truth', () => {
  it('block-withholding: shares accepted, every block solution withheld, the pool finds none', async () => {
    // Arrange: jobs at the regtest target, so about half of all shares are blocks
    bench = createPoolBench({ firstJob: poolJob('j1', true, true) });
    const withholder = bench.miner({ behaviour: blockWithholding });
    const control = bench.miner({ behaviour: honest });
    // Act
    withholder.start();
    control.start();
    await bench.vt.advanceBy(120_000);
    // Assert
    const truth = withholder.snapshot();
    expect(judgeBehaviour(blockWithholding.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.filter((s) => s.answer.kind === 'withheld').length).toBeGreaterThan(5);
    const poolBlocks = bench.sink.blocks.map((b) => b.worker);
    expect(poolBlocks.length).toBeGreaterThan(5);
    expect(new Set(bench.sink.blocks.map((b) => b.address))).toEqual(new Set(['addr2']));
  });

  it('pool-hopping: mines only early in each round; the honest miner mines throughout', async () => {
    // Arrange
    bench = createPoolBench();
    const hopper = bench.miner({ behaviour: poolHopping });
    const control = bench.miner({ behaviour: honest });
    hopper.start();
    control.start();
    // Act: a new block every 5 minutes
    for (let round = 2; round <= 5; round++) {
      await bench.vt.advanceBy(300_000);
      bench.jobs.publish(poolJob(`j${round}`, true));
    }
    await bench.vt.advanceBy(300_000);
    // Assert
    const hops = hopper.snapshot();
    expect(judgeBehaviour(poolHopping.expected, [hops])).toMatchObject({ ok: true });
    expect(hops.shares.length).toBeGreaterThan(5);
    const late = control.snapshot().shares.filter((s) => s.roundAgeMs! >= HOP_WINDOW_MS);
    expect(late.length).toBeGreaterThan(10);
    expect(judgeBehaviour(poolHopping.expected, [control.snapshot()])).toMatchObject({ ok: false });
  });
});
