import type { Logger } from 'pino';
import type { Clock } from '../../runtime/clock.js';
import { splitPplns } from '../core/payouts/split.js';
import { windowWorkFor, type WorkFactor } from '../core/payouts/window.js';
import type { BlockRecord, NewBlock } from '../store/books/block-repository.js';
import type { Store } from '../store/store.js';
import { findBlockShare, type BlockShareOptions } from './block-share.js';
import { failureNote, payoutsError, type FailureNote } from './payout-errors.js';
import { checkedInteger, checkedMs } from './settings.js';

/** A block the daemon accepted from one of the pool's miners, as the submitter reports it. */
export interface AcceptedBlock extends NewBlock {
  /** Expected hashes per block at the block's target: workOfTarget(template.target). */
  readonly networkWork: bigint;
}

export interface RoundSettings {
  /** The pool's fee in basis points (0..10000), rounded down by splitPplns. */
  readonly feeBps: number;
  /** The PPLNS window as a multiple of the network's work per block. */
  readonly window: WorkFactor;
  /**
   * How long to wait for the block's own share to reach the share log before ending the round
   * at the newest share stamped at or before the block instead. Default 60 s.
   */
  readonly blockShareWaitMs?: number;
  readonly search?: BlockShareOptions;
}

export interface RoundCloserDeps {
  readonly network: string;
  readonly store: Pick<Store, 'sql' | 'blocks' | 'shares'>;
  readonly settings: RoundSettings;
  /**
   * The network's work per block now, for a block whose round is still open after a restart
   * (its own networkWork lived only in the process that was told of it). Without a retarget
   * since the block (always on regtest) that is the same number.
   */
  readonly currentNetworkWork: () => Promise<bigint>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** How one block's round ended, or why it has not yet. */
export type RoundOutcome =
  | {
      readonly kind: 'credited';
      readonly hash: string;
      readonly endShareId: bigint;
      /** 'block-share': the round ends at the block's own share; 'time': it never came. */
      readonly endedAt: 'block-share' | 'time' | 'no-shares';
      readonly windowWork: bigint;
      readonly shareCount: number;
      readonly credits: number;
      readonly creditedSats: bigint;
      readonly feeSats: bigint;
    }
  | { readonly kind: 'already-credited'; readonly hash: string }
  /** Orphaned before its round closed: there is nothing to credit. */
  | { readonly kind: 'orphaned'; readonly hash: string }
  | { readonly kind: 'waiting-for-share'; readonly hash: string; readonly untilMs: number }
  /** The books could not be written (database down): kept in memory and retried. */
  | { readonly kind: 'deferred'; readonly hash: string; readonly error: FailureNote };

/**
 * Closes the PPLNS round of each block the pool found: records the block (pending), freezes
 * its window (the shares up to and including the block's own share, so later shares never
 * change it) and credits the miners with core's splitPplns, exactly: credits + fee == reward.
 *
 * Idempotent: the block row and its round are each written once (BlockRepository ignores a
 * second recordFound and answers a second credit 'already-credited'), so the same block told
 * twice, or a step rerun after a crash, credits once. A block whose record or credit failed
 * (database down) stays in memory and runOnce retries it; after a restart, runOnce finds
 * every recorded block without a round in the books and closes it.
 *
 * The window ends at the block's own share (found by finder, worker and time, see
 * block-share.ts). The daemon can answer before the ledger has written that share, so a round
 * waits up to `blockShareWaitMs` for it; a share that never arrives (acknowledged and lost,
 * ack-then-write) ends the round at the newest share stamped at or before the block instead,
 * with a warning. Not covered: a process crash after the daemon accepted a block and before
 * recordFound committed (milliseconds; the submitter has logged the block, and its coinbase is
 * in the wallet, but no miner is credited until an operator replays blockAccepted).
 *
 * One step at a time per network: steps may overlap safely (every write is idempotent), but
 * gain nothing by it.
 */
export class RoundCloser {
  private readonly waitMs: number;
  /** Blocks told of but not yet recorded (the database was down). */
  private readonly unrecorded = new Map<string, AcceptedBlock>();
  /** networkWork of blocks whose round is not yet closed. */
  private readonly networkWork = new Map<string, bigint>();

  constructor(private readonly deps: RoundCloserDeps) {
    const { feeBps, window } = deps.settings;
    if (checkedInteger('feeBps', feeBps, 0) > 10_000 || window.num <= 0n || window.den <= 0n) {
      throw payoutsError(
        'PAYOUTS_CONFIG',
        `fee ${feeBps} bps must be <= 10000, window ${window.num}/${window.den} positive`,
      );
    }
    this.waitMs = checkedMs('blockShareWaitMs', deps.settings.blockShareWaitMs ?? 60_000);
  }

  /** Records an accepted block and closes its round if its share is in the log already. */
  async blockAccepted(block: AcceptedBlock): Promise<RoundOutcome> {
    if (block.network !== this.deps.network) {
      throw payoutsError(
        'PAYOUTS_CONFIG',
        `block of ${block.network} given to ${this.deps.network}`,
      );
    }
    if (block.networkWork <= 0n) {
      throw payoutsError('PAYOUTS_CONFIG', `networkWork must be > 0, got ${block.networkWork}`);
    }
    this.networkWork.set(block.hash, block.networkWork);
    this.unrecorded.set(block.hash, block);
    return this.settle(block.hash);
  }

  /**
   * Records blocks the database refused before, then closes every open round of the network,
   * lowest block first. Never throws for one block's failure: it is reported and retried.
   */
  async runOnce(): Promise<RoundOutcome[]> {
    const outcomes: RoundOutcome[] = [];
    for (const hash of [...this.unrecorded.keys()]) outcomes.push(await this.settle(hash));
    const seen = new Set(outcomes.map((o) => o.hash));
    let open: BlockRecord[];
    try {
      open = await this.openRounds();
    } catch (err) {
      this.deps.logger.error({ err: failureNote(err) }, 'open rounds could not be read');
      return outcomes;
    }
    for (const block of open) {
      if (!seen.has(block.hash)) outcomes.push(await this.settle(block.hash, block));
    }
    return outcomes;
  }

  private async openRounds(): Promise<BlockRecord[]> {
    const { blocks } = this.deps.store;
    const all = [
      ...(await blocks.list(this.deps.network, 'pending', 100_000)),
      // A block confirmed before its round closed is among the newest confirmed ones.
      ...(await blocks.list(this.deps.network, 'confirmed', 1000)),
    ];
    return all.filter((b) => b.round === undefined).sort((a, b) => a.height - b.height);
  }

  private async settle(hash: string, known?: BlockRecord): Promise<RoundOutcome> {
    const log = this.deps.logger.child({ blockHash: hash });
    try {
      const accepted = this.unrecorded.get(hash);
      if (accepted !== undefined) {
        const recorded = await this.deps.store.blocks.recordFound(accepted);
        this.unrecorded.delete(hash);
        if (recorded === 'recorded')
          log.info({ height: accepted.height }, 'block recorded, pending');
      }
      const outcome = await this.close(hash, known);
      if (outcome.kind !== 'waiting-for-share') this.networkWork.delete(hash);
      return outcome;
    } catch (err) {
      const error = failureNote(err);
      log.error({ err: error }, 'round not closed: will retry');
      return { kind: 'deferred', hash, error };
    }
  }

  private async close(hash: string, known?: BlockRecord): Promise<RoundOutcome> {
    const { store, network, settings } = this.deps;
    const block = known ?? (await store.blocks.get(network, hash));
    if (block === undefined) {
      throw payoutsError('PAYOUTS_BOOKS_STATE', `block ${hash} was recorded but is missing`);
    }
    if (block.round !== undefined) return { kind: 'already-credited', hash };
    if (block.status === 'orphaned') return { kind: 'orphaned', hash };

    const search = await findBlockShare(store.sql, block, settings.search);
    const nowMs = this.deps.clock.nowMs();
    const untilMs = block.foundMs + this.waitMs;
    if (search.blockShareId === undefined && nowMs < untilMs) {
      return { kind: 'waiting-for-share', hash, untilMs };
    }
    const endShareId = search.blockShareId ?? search.newestAtOrBeforeId;
    const endedAt =
      search.blockShareId !== undefined
        ? 'block-share'
        : endShareId !== undefined
          ? 'time'
          : 'no-shares';
    const log = this.deps.logger.child({ blockHash: hash, height: block.height });
    if (endedAt !== 'block-share') {
      log.warn(
        { waitedMs: nowMs - block.foundMs, endShareId },
        'block share never logged: round ends by time',
      );
    }

    const windowWork = windowWorkFor(await this.networkWorkOf(hash, log), settings.window);
    const window =
      endShareId === undefined
        ? { byAccount: [], work: 0n, shareCount: 0 }
        : await store.shares.window(network, windowWork, { upToShareId: endShareId });
    const split = splitPplns(window.byAccount, block.rewardSats, settings.feeBps);
    const credited = await store.blocks.credit(
      network,
      hash,
      { split, endShareId: endShareId ?? 0n, work: window.work },
      this.deps.clock.nowMs(),
    );
    switch (credited.kind) {
      case 'already-credited':
        return { kind: 'already-credited', hash };
      case 'is-orphaned':
        return { kind: 'orphaned', hash };
      case 'not-found':
        throw payoutsError('PAYOUTS_BOOKS_STATE', `block ${hash} vanished while crediting`);
      case 'credited': {
        const creditedSats = split.credits.reduce((s, c) => s + c.amountSats, 0n);
        log.info(
          { credits: credited.credits, creditedSats, feeSats: split.feeSats, into: credited.into },
          'round closed',
        );
        return {
          kind: 'credited',
          hash,
          endShareId: endShareId ?? 0n,
          endedAt,
          windowWork,
          shareCount: window.shareCount,
          credits: credited.credits,
          creditedSats,
          feeSats: split.feeSats,
        };
      }
    }
  }

  private async networkWorkOf(hash: string, log: Logger): Promise<bigint> {
    const known = this.networkWork.get(hash);
    if (known !== undefined) return known;
    const now = await this.deps.currentNetworkWork();
    log.warn(
      { networkWork: now },
      "block's difficulty unknown after a restart: window sized at today's",
    );
    return now;
  }
}
