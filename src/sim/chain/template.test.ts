import { describe, expect, it } from 'vitest';
import { parseBlockTemplate, witnessCommitmentScript } from '../../pool/core/block/index.js';
import { blockSubsidySats } from '../../pool/core/coins/index.js';
import { loadGbtVector } from '../../pool/node/testing/gbt-vectors.js';
import { createRng } from '../../runtime/index.js';
import { makeSim } from './chain.fixtures.js';
import { checkTemplateRules } from './template-rules.js';
import { syntheticTx } from './synthetic-tx.js';

const BITCOIND = loadGbtVector('bitcoind-29.99-h102');

describe('templates', () => {
  it('answers getblocktemplate with the fields, in the order, that bitcoind 29 sends', () => {
    const { sim } = makeSim();
    const json = sim.getBlockTemplateJson();
    expect(Object.keys(json)).toEqual(Object.keys(BITCOIND));
    expect(json.rules).toEqual(BITCOIND['rules']);
    expect(json.bits).toBe('207fffff');
    expect(json.target).toBe('7fffff0000000000000000000000000000000000000000000000000000000000');
  });

  it('serves JSON that parses to exactly the BlockTemplate the in-process node hands out', () => {
    // Arrange
    const { sim } = makeSim();
    const rng = createRng('t');
    for (let i = 0; i < 20; i++)
      sim.addTransaction(
        syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 1 } }),
      );
    // Act
    const parsed = parseBlockTemplate(JSON.parse(JSON.stringify(sim.getBlockTemplateJson())));
    // Assert
    expect(parsed).toEqual({ ok: true, template: sim.blockTemplate() });
  });

  it('pays subsidy + fees, commits to the chosen wtxids, and dates from the clock and the median time past', async () => {
    // Arrange
    const { sim, vt } = makeSim();
    sim.generate(3);
    const rng = createRng('fees');
    const txs = Array.from({ length: 5 }, () =>
      syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 3, sigma: 0.5 } }),
    );
    for (const tx of txs) sim.addTransaction(tx);
    await vt.advanceBy(90_000);
    // Act
    const t = sim.blockTemplate();
    // Assert
    const fees = txs.reduce((s, x) => s + x.feeSats, 0n);
    expect(t.coinbaseValueSats).toBe(blockSubsidySats(sim.coin, 4) + fees);
    expect(t.defaultWitnessCommitment).toEqual(
      witnessCommitmentScript(t.transactions.map((x) => x.wtxid)),
    );
    expect(t.minTime).toBe(sim.tip.medianTimePast + 1);
    expect(t.curTime).toBe(Math.floor(vt.nowMs() / 1000));
    expect(t.longPollId).toBe(`${sim.tip.hashHex}${sim.transactionsUpdated}`);
    expect(t.height).toBe(4);
  });

  it('fills up to the weight limit and leaves the rest in the mempool', () => {
    const { sim } = makeSim({ blockMaxWeight: 4_000 + 5_000 });
    const rng = createRng('full');
    for (let i = 0; i < 40; i++)
      sim.addTransaction(
        syntheticTx(rng, { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 1 } }),
      );
    const t = sim.blockTemplate();
    expect(t.transactions.reduce((w, x) => w + x.weight, 0)).toBeLessThanOrEqual(5_000);
    expect(t.transactions.length).toBeGreaterThan(0);
    expect(t.transactions.length).toBeLessThan(40);
  });

  it('names the rule a getblocktemplate call lacks, as litecoind does', () => {
    const { sim } = makeSim();
    expect(checkTemplateRules(sim.coin, ['segwit'])).toBeUndefined();
    expect(checkTemplateRules(sim.coin, [])).toBe(
      'getblocktemplate must be called with the segwit rule set',
    );
  });
});
