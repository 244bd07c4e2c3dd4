/**
 * The chain simulator's throughput with no miners attached: templates built from a busy
 * mempool, blocks validated (proposal mode: every check but proof of work, repeatable), and
 * simulated days per wall second of a main-net-like chain found by external hashrate alone.
 */
import { SIM_SHA256D_COIN } from '../src/pool/core/coins/index.js';
import { createRng, VirtualTime } from '../src/runtime/index.js';
import { minePoolBlock } from '../src/sim/chain/pool-block.fixtures.js';
import { makeSim, SHA256D_POW, START_MS } from '../src/sim/chain/chain.fixtures.js';
import {
  ChainSim,
  DEFAULT_FEE_RATE,
  equilibriumBits,
  syntheticTx,
} from '../src/sim/chain/index.js';
import type { Benchmark } from './benchmark.js';

const DAY_MS = 86_400_000;

/** A regtest chain with `txCount` synthetic transactions waiting in its mempool. */
async function busySim(txCount: number) {
  const { sim, vt } = makeSim({ mempool: { txPerSec: 100, maxTxs: txCount } }, 'bench');
  sim.start();
  await vt.advanceBy((txCount / 100) * 1000 + 1000);
  sim.stop();
  return { sim, vt };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'chain-sim/template-2000tx',
    unit: 'template',
    note: 'one new transaction, then a fresh getblocktemplate answer from a ~2,000-transaction mempool',
    setup: async () => {
      const { sim } = await busySim(2000);
      const rng = createRng('bench-tx');
      const opts = { segwit: true, feeRate: DEFAULT_FEE_RATE };
      return () => {
        sim.addTransaction(syntheticTx(rng, opts));
        return sim.getBlockTemplateJson();
      };
    },
  },
  {
    name: 'chain-sim/validate-block-2000tx',
    unit: 'block',
    note: 'proposal-mode validation of a pool block carrying ~2,000 transactions',
    setup: async () => {
      const { sim } = await busySim(2000);
      const block = minePoolBlock(sim.blockTemplate());
      return () => sim.proposeBlock(block.hex);
    },
  },
  {
    name: 'chain-sim/virtual-days',
    unit: 'sim-day',
    note: 'sim-sha256d (10-min blocks, interval retarget) found by external hashrate alone, no traffic',
    setup: () => {
      const hashrate = 1e12;
      const vt = new VirtualTime(START_MS);
      const sim = new ChainSim({
        coin: SIM_SHA256D_COIN,
        scheduler: vt,
        rng: createRng('bench-days'),
        powHash: SHA256D_POW,
        initialBits: equilibriumBits(
          hashrate,
          SIM_SHA256D_COIN.targetBlockTimeSec,
          SIM_SHA256D_COIN.powLimitBits,
        ),
        externalMiners: [{ id: 'world', hashrate }],
      });
      sim.start();
      return () => vt.advanceBy(DAY_MS);
    },
  },
];
