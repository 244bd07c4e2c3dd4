import { BITCOIN_REGTEST_COIN } from '../core/coins/index.js';
import { workOfTarget } from '../core/difficulty/index.js';
import { minerScript } from '../../sim/chain/block-maker.js';
import { makeSim } from '../../sim/chain/chain.fixtures.js';
import { InProcessChainNode } from '../../sim/chain/in-process-node.js';
import { minePoolBlock } from '../../sim/chain/pool-block.fixtures.js';
import type { Store } from '../store/index.js';
import { writeShares } from './payouts.fixtures.js';
import type { AcceptedBlock } from './round-closer.js';

/** The in-process simulator (bitcoin regtest, virtual time) and its ChainNode. */
export function simWorld(seed: string) {
  const { sim, vt } = makeSim({}, seed);
  const node = new InProcessChainNode(sim, vt);
  const outsider = minerScript(BITCOIN_REGTEST_COIN, 'outsider');
  return {
    sim,
    vt,
    node,
    coin: BITCOIN_REGTEST_COIN,
    /** Blocks by someone else: confirmations for the pool's blocks, no income for its wallet. */
    mineOthers: (count: number) => sim.generate(count, outsider),
  };
}

export type SimWorld = ReturnType<typeof simWorld>;

/**
 * The pool finds a block: alice's and bob's shares are logged (alice's last, the block's),
 * the block pays the wallet and the daemon accepts it. Returns what the submitter would report.
 */
export async function poolFindsBlock(
  world: SimWorld,
  store: Store,
  network: string,
): Promise<AcceptedBlock> {
  const template = world.sim.blockTemplate();
  const built = minePoolBlock(template);
  const verdict = world.sim.submitBlock(built.hex);
  if (verdict.kind !== 'accepted')
    throw new Error(`pool block not accepted: ${JSON.stringify(verdict)}`);
  const foundMs = world.vt.nowMs();
  await writeShares(store, network, [
    { account: 'bob', work: 3n, timeMs: foundMs - 1 },
    { account: 'alice', work: 1n, timeMs: foundMs, verdict: 'block' },
  ]);
  return {
    network,
    hash: built.hash,
    height: template.height,
    rewardSats: template.coinbaseValueSats,
    foundByAddress: 'alice',
    foundByWorker: 'rig',
    foundMs,
    networkWork: workOfTarget(template.target),
  };
}
