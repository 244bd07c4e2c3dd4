import { describe, expect, it } from 'vitest';
import { bitsToTarget } from '../../pool/core/difficulty/index.js';
import { createRng } from '../../runtime/index.js';
import { MINER_A, makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import { minePoolBlock } from './pool-block.fixtures.js';
import { syntheticTx } from './synthetic-tx.js';
import type { ChainEvent } from './types.js';

const TRAFFIC = { segwit: true, feeRate: { medianSatPerVb: 5, sigma: 0.7 } };

describe('ChainSim reorganisations', () => {
  it('orphans a pool block in a depth-1 reorg and puts its transactions back in the mempool', () => {
    // Arrange
    const { sim } = makeSim();
    const rng = createRng('reorg');
    const txs = Array.from({ length: 6 }, () => syntheticTx(rng, TRAFFIC));
    for (const tx of txs) sim.addTransaction(tx);
    const pool = minePoolBlock(sim.blockTemplate());
    expect(sim.submitBlock(pool.hex)).toEqual({ kind: 'accepted' });
    expect(sim.state.mempool.size).toBe(0);
    const events: ChainEvent[] = [];
    sim.onEvent((e) => events.push(e));
    // Act
    const branch = sim.reorg(1);
    // Assert
    expect(branch).toHaveLength(2);
    expect(sim.tip.hashHex).toBe(branch[1]);
    expect(sim.headerInfo(pool.hash)?.confirmations).toBe(-1);
    const byId = (a: { txidHex: string }, b: { txidHex: string }): number =>
      a.txidHex < b.txidHex ? -1 : 1;
    // Rebuilt from the block's bytes and the index: the same transactions, field for field.
    expect(sim.state.mempool.all().sort(byId)).toEqual([...txs].sort(byId));
    const tip = events.find((e) => e.kind === 'tip');
    expect(tip).toMatchObject({ disconnected: [pool.hash], connected: branch });
    // Act: the next block takes them again
    const next = minePoolBlock(sim.blockTemplate());
    expect(sim.submitBlock(next.hex)).toEqual({ kind: 'accepted' });
    expect(sim.tip.txids).toHaveLength(6);
    expect(sim.state.mempool.size).toBe(0);
  });

  it('replaces the top k blocks with a heavier external branch', () => {
    const { sim } = makeSim();
    const old = sim.generate(5);
    const branch = sim.reorg(3);
    expect(branch).toHaveLength(4);
    expect(sim.tip.height).toBe(6);
    expect(old.slice(0, 2).map((h) => sim.headerInfo(h)?.confirmations)).toEqual([6, 5]);
    expect(old.slice(2).map((h) => sim.headerInfo(h)?.confirmations)).toEqual([-1, -1, -1]);
    expect(sim.blockAt(3)?.hashHex).toBe(branch[0]);
    expect(() => sim.reorg(7)).toThrow(/reorg depth/);
  });

  it('keeps a transaction mined only on a side branch in the mempool, and not in that branch again', () => {
    // Arrange
    const { sim } = makeSim();
    const tx = syntheticTx(createRng('side'), TRAFFIC);
    sim.addTransaction(tx);
    const t = sim.blockTemplate();
    const first = minePoolBlock(t, {
      extranonce2: 1,
      template: {
        transactions: [],
        coinbaseValueSats: t.coinbaseValueSats - tx.feeSats,
        defaultWitnessCommitment: undefined,
      },
    });
    const withTx = minePoolBlock(t, { extranonce2: 2 });
    // Act
    sim.submitBlock(first.hex);
    expect(sim.submitBlock(withTx.hex)).toEqual({ kind: 'rejected', reason: 'inconclusive' });
    // Assert
    expect(sim.state.mempool.has(tx.txidHex)).toBe(true);
    const side = sim.block(withTx.hash)!;
    expect(sim.state.selectFor(side, 1_000_000)).toEqual([]);
    expect(sim.state.selectFor(sim.tip, 1_000_000)).toEqual([tx]);
  });
});

describe('ChainSim external hashrate and difficulty faults', () => {
  it('pays each external miner with its own script and includes mempool transactions', async () => {
    const { sim, vt } = makeSim({ externalMiners: [{ id: 'x', hashrate: 2 / 150 }] });
    const tx = syntheticTx(createRng('ext'), TRAFFIC);
    sim.addTransaction(tx);
    sim.start();
    await vt.advanceBy(3_600_000);
    sim.stop();
    expect(sim.tip.height).toBeGreaterThan(5);
    const first = sim.blockAt(1)!;
    expect(first.source).toBe('external');
    expect(first.coinbase.outputs[0]?.scriptPubKey).toEqual(minerScript(sim.coin, 'x'));
    expect(first.txids).toEqual([tx.txidHex]);
  });

  it('synthetic traffic arrives as a Poisson process at the configured rate, and the rate can change', async () => {
    const { sim, vt } = makeSim({ mempool: { txPerSec: 0.5 } });
    sim.start();
    await vt.advanceBy(2_000_000);
    const first = sim.state.mempool.size;
    sim.setTransactionRate(0);
    await vt.advanceBy(2_000_000);
    sim.stop();
    // 1,000 expected, Poisson sd 32
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThan(1_100);
    expect(sim.state.mempool.size).toBe(first);
  });

  it('a burst multiplies the external hashrate for its duration only', async () => {
    const { sim, vt } = makeSim({ externalMiners: [{ id: 'x', hashrate: 1 }] });
    sim.start();
    sim.hashrateBurst(5, 60_000);
    expect(sim.externalHashrate).toBe(5);
    await vt.advanceBy(60_000);
    expect(sim.externalHashrate).toBe(1);
    sim.stop();
  });

  it('a difficulty jump makes the next block harder and the rule carries it on (regtest: no retarget)', () => {
    const { sim } = makeSim();
    const before = bitsToTarget(sim.blockTemplate().bits);
    const bits = sim.difficultyJump(8);
    expect(bitsToTarget(bits) * 8n <= before).toBe(true);
    sim.generate(2);
    expect(sim.blockTemplate().bits).toBe(bits);
    expect(sim.difficultyJump(1e-9)).toBe(sim.coin.powLimitBits);
  });
});

describe('blocks the simulator builds itself', () => {
  it('pass its own validation (proposal mode), with traffic, a wallet payment and a witness commitment', () => {
    // Arrange: two simulators in the same state
    const build = (): ReturnType<typeof makeSim> => {
      const made = makeSim({}, 'self-check');
      made.sim.generate(101);
      const rng = createRng('self');
      for (let i = 0; i < 30; i++) made.sim.addTransaction(syntheticTx(rng, TRAFFIC));
      made.sim.wallet!.sendMany(new Map([[MINER_A, 1_000_000n]]));
      return made;
    };
    const a = build();
    const b = build();
    expect(b.sim.tip.hashHex).toBe(a.sim.tip.hashHex);
    // Act
    const [hash] = a.sim.generate(1, minerScript(a.sim.coin, 'x'));
    const raw = a.sim.rawBlock(hash!)!;
    // Assert
    expect(a.sim.block(hash!)!.txids).toHaveLength(31);
    expect(b.sim.proposeBlock(raw)).toEqual({ kind: 'accepted' });
  });
});
