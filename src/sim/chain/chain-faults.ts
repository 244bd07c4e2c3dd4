import { bitsToTarget, targetToBits } from '../../pool/core/difficulty/index.js';
import type { BlockMaker } from './block-maker.js';
import type { ChainState } from './chain-state.js';
import { simError } from './sim-errors.js';

const FACTOR_SCALE = 1_000_000n;

/** `bits` made `factor` times harder (easier below 1, to 6 decimal places), kept within 1..powLimit. */
export function jumpedBits(bits: number, factor: number, powLimitBits: number): number {
  if (!Number.isFinite(factor) || factor <= 0) {
    throw simError('SIM_BAD_FAULT', `difficulty factor must be > 0: ${factor}`);
  }
  const scaled = BigInt(Math.max(1, Math.round(factor * Number(FACTOR_SCALE))));
  const target = (bitsToTarget(bits) * FACTOR_SCALE) / scaled;
  const limit = bitsToTarget(powLimitBits);
  return targetToBits(target > limit ? limit : target < 1n ? 1n : target);
}

/**
 * A reorganisation of `depth` blocks: the rest of the network publishes, at once, a branch from
 * the block `depth` below the tip until it has more work than the main chain (depth + 1 blocks
 * at a steady difficulty). The branch carries no transactions, so everything the replaced
 * blocks confirmed returns to the mempool. Returns the branch, lowest first.
 */
export function reorgBranch(
  state: ChainState,
  maker: BlockMaker,
  payScript: Buffer,
  depth: number,
): string[] {
  const tip = state.tree.tip;
  if (!Number.isInteger(depth) || depth < 1 || depth > tip.height) {
    throw simError('SIM_BAD_FAULT', `reorg depth ${depth} (tip is at ${tip.height})`);
  }
  let parent = state.tree.atHeight(tip.height - depth)!;
  const branch: string[] = [];
  while (parent.chainWork <= tip.chainWork) {
    parent = maker.mineOn(parent, {
      source: 'external',
      payScript,
      minerId: 'reorg',
      withTxs: false,
    });
    branch.push(parent.hashHex);
  }
  return branch;
}
