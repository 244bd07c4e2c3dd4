import type { Logger } from 'pino';
import type { Clock } from '../../runtime/clock.js';
import type { ChainNode } from '../node/chain-node.js';
import type { BlockRecord, BlockRepository } from '../store/books/block-repository.js';
import { failureNote, type FailureNote } from './payout-errors.js';
import { checkedInteger } from './settings.js';

export interface ConfirmationFollowerDeps {
  readonly network: string;
  readonly blocks: BlockRepository;
  readonly node: ChainNode;
  /** Confirmations before credits become payable: maturityDepthFor(coin), 101 on regtest. */
  readonly maturityDepth: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What one step made of one pending block. */
export type BlockCheck =
  | {
      readonly kind: 'confirmed';
      readonly hash: string;
      readonly confirmations: number;
      readonly maturedSats: bigint;
    }
  | {
      readonly kind: 'orphaned';
      readonly hash: string;
      /** 'off-main-chain': the node says confirmations -1; 'replaced': another block holds its height. */
      readonly why: 'off-main-chain' | 'replaced';
      readonly reversedSats: bigint;
    }
  | {
      readonly kind: 'maturing';
      readonly hash: string;
      readonly confirmations: number;
      readonly needed: number;
    }
  /** The node knows neither the block nor another at its height (it is behind): wait. */
  | { readonly kind: 'unknown-to-node'; readonly hash: string }
  /** Another writer settled it between the list and the change. */
  | { readonly kind: 'settled-elsewhere'; readonly hash: string };

export interface FollowReport {
  readonly checks: readonly BlockCheck[];
  /** Set when the node failed mid-step: the blocks not in `checks` wait for the next step. */
  readonly nodeDown?: FailureNote;
}

/**
 * Follows the network's pending blocks on the node, one getBlock each per step:
 * - `maturityDepth` confirmations: confirmed, its credits move immature -> payable;
 * - off the main chain (confirmations -1), or unknown to the node while another block holds
 *   its height: orphaned, its credits are taken back from immature balances;
 * - otherwise left pending.
 * Each change is one transaction of BlockRepository, so a crash loses nothing: the next step
 * asks again. A node that fails (down, erroring) ends the step with a logged error and
 * `nodeDown`; nothing is changed for the blocks not yet asked about, and the next step retries.
 * Database failures are not caught: the step throws and changes nothing more.
 *
 * Known limit: orphaning is final (the books have no way back), so a block that returns to
 * the main chain after a deeper counter-reorg stays orphaned; its coinbase is then pool income
 * in the wallet. Confirmed blocks are not followed: a reorg deeper than coinbase maturity is
 * beyond what the pool survives.
 */
export class ConfirmationFollower {
  constructor(private readonly deps: ConfirmationFollowerDeps) {
    checkedInteger('maturityDepth', deps.maturityDepth, 1);
  }

  async runOnce(): Promise<FollowReport> {
    const { blocks, network } = this.deps;
    const pending = (await blocks.list(network, 'pending', 100_000)).sort(
      (a, b) => a.height - b.height,
    );
    const checks: BlockCheck[] = [];
    for (const block of pending) {
      let verdict: Verdict;
      try {
        verdict = await this.ask(block);
      } catch (err) {
        const nodeDown = failureNote(err);
        this.deps.logger.error(
          { err: nodeDown, blockHash: block.hash, left: pending.length - checks.length },
          'node failed while following blocks: retrying next step',
        );
        return { checks, nodeDown };
      }
      checks.push(await this.apply(block, verdict));
    }
    return { checks };
  }

  /** The node's view of one block; throws when the node fails. */
  private async ask(block: BlockRecord): Promise<Verdict> {
    const { node, maturityDepth } = this.deps;
    const info = await node.getBlock(block.hash);
    if (info !== undefined) {
      if (info.confirmations < 0) return { kind: 'orphan', why: 'off-main-chain' };
      if (info.confirmations >= maturityDepth) {
        return { kind: 'mature', confirmations: info.confirmations };
      }
      return { kind: 'wait', confirmations: info.confirmations };
    }
    const atHeight = await node.getBlockHash(block.height);
    if (atHeight !== undefined && atHeight.toLowerCase() !== block.hash.toLowerCase()) {
      return { kind: 'orphan', why: 'replaced' };
    }
    return { kind: 'unknown' };
  }

  private async apply(block: BlockRecord, verdict: Verdict): Promise<BlockCheck> {
    const { blocks, network, clock } = this.deps;
    const log = this.deps.logger.child({ blockHash: block.hash, height: block.height });
    const { hash } = block;
    switch (verdict.kind) {
      case 'wait':
        return {
          kind: 'maturing',
          hash,
          confirmations: verdict.confirmations,
          needed: this.deps.maturityDepth,
        };
      case 'unknown':
        log.warn('the node does not know this pending block yet');
        return { kind: 'unknown-to-node', hash };
      case 'mature': {
        const done = await blocks.confirm(network, hash, clock.nowMs());
        if (done.kind !== 'confirmed') return { kind: 'settled-elsewhere', hash };
        log.info(
          { confirmations: verdict.confirmations, maturedSats: done.maturedSats },
          'block confirmed',
        );
        return {
          kind: 'confirmed',
          hash,
          confirmations: verdict.confirmations,
          maturedSats: done.maturedSats,
        };
      }
      case 'orphan': {
        const done = await blocks.orphan(network, hash, clock.nowMs());
        if (done.kind !== 'orphaned') return { kind: 'settled-elsewhere', hash };
        log.warn(
          { why: verdict.why, reversedSats: done.reversedSats },
          'block orphaned: credits reversed',
        );
        return { kind: 'orphaned', hash, why: verdict.why, reversedSats: done.reversedSats };
      }
    }
  }
}

type Verdict =
  | { readonly kind: 'mature'; readonly confirmations: number }
  | { readonly kind: 'wait'; readonly confirmations: number }
  | { readonly kind: 'orphan'; readonly why: 'off-main-chain' | 'replaced' }
  | { readonly kind: 'unknown' };
