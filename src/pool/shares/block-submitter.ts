import { workOfTarget } from '../core/difficulty/targets.js';
import type { Logger } from 'pino';
import { blockForShare } from '../core/block/block.js';
import { toDisplayHex } from '../core/bytes.js';
import type { Clock } from '../../runtime/clock.js';
import type { Scheduler, TimerHandle } from '../../runtime/scheduler.js';
import type { ChainNode, SubmitResult } from '../node/chain-node.js';
import type { BlockCandidate } from '../stratum/ports.js';

/** A block the pool found and what the daemon said of it. */
export interface FoundBlock {
  readonly network: string;
  readonly height: number;
  /** Display order, as explorers and RPC show it. */
  readonly blockHash: string;
  readonly jobId: string;
  readonly address: string;
  readonly worker: string;
  readonly foundAtMs: number;
  readonly submittedAtMs: number;
  readonly rewardSats: bigint;
  /** Expected hashes per block at the block's target (workOfTarget): sizes its PPLNS window. */
  readonly networkWork: bigint;
  /** The daemon's verdict; `error` also covers a daemon that could not be reached. */
  readonly result: SubmitResult;
}

export interface BlockSubmitterDeps {
  readonly node: ChainNode;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Told of every submission's final outcome (books, metrics, job refresh). */
  readonly onResult: (block: FoundBlock) => void;
  /**
   * With a scheduler, a block the daemon could not take (it did not answer, or answered it
   * is starting or not connected) is submitted again with back-off until it gets a verdict,
   * the chain moves past its height, or `retry.giveUpMs` passes. Without one: one attempt.
   */
  readonly scheduler?: Scheduler;
  readonly retry?: {
    readonly initialMs?: number;
    readonly maxMs?: number;
    readonly giveUpMs?: number;
  };
}

/** RPC errors that mean "not now" rather than a verdict on the block. */
const NOT_NOW = new Set([
  -1, // our own code for a daemon that did not answer at all
  -9, // RPC_CLIENT_NOT_CONNECTED
  -10, // RPC_CLIENT_IN_INITIAL_DOWNLOAD
  -28, // RPC_IN_WARMUP
]);

/**
 * Assembles a block candidate into the block the daemon expects and submits it. Never
 * throws: an unreachable daemon is an outcome (kind `error`) to record and alert on, not a
 * crash, and the block's bytes are logged so an operator can submit it by hand. A found block
 * is worth more than anything else the pool handles: while the daemon cannot take it, it is
 * submitted again (see BlockSubmitterDeps.scheduler) until the chain has moved past it.
 */
export class BlockSubmitter {
  readonly #waits = new Set<{ timer: TimerHandle; wake: () => void }>();
  #closed = false;

  constructor(private readonly deps: BlockSubmitterDeps) {}

  /** Blocks still waiting for the daemon. */
  get retrying(): number {
    return this.#waits.size;
  }

  /** Stops retrying: waiting blocks end with the last error (their hex is in the log). */
  close(): void {
    this.#closed = true;
    for (const w of [...this.#waits]) {
      this.deps.scheduler?.clear(w.timer);
      w.wake();
    }
    this.#waits.clear();
  }

  async submit(candidate: BlockCandidate): Promise<FoundBlock> {
    const { job } = candidate;
    const hex = blockForShare(job, {
      header: candidate.header,
      coinbase: candidate.coinbase,
      merkleRoot: candidate.header.subarray(36, 68),
    }).toString('hex');
    const blockHash = toDisplayHex(candidate.blockHash);
    // The session has logged the candidate already; these lines carry the daemon's answer.
    const log = this.deps.logger.child({
      height: job.template.height,
      blockHash,
      address: candidate.address,
      worker: candidate.worker,
    });
    const height = job.template.height;
    let result = await this.#attempt(hex);
    if (result.kind === 'error') {
      log.error(
        { code: result.code, message: result.message, blockHex: hex },
        'block submission failed: the daemon could not take it',
      );
    }
    const { scheduler } = this.deps;
    const retry = this.deps.retry ?? {};
    const startMs = this.deps.clock.nowMs();
    let waitMs = retry.initialMs ?? 1_000;
    while (
      scheduler !== undefined &&
      !this.#closed &&
      result.kind === 'error' &&
      NOT_NOW.has(result.code) &&
      this.deps.clock.nowMs() - startMs < (retry.giveUpMs ?? 3_600_000)
    ) {
      await this.#sleep(scheduler, waitMs);
      if (this.#closed) break;
      waitMs = Math.min(waitMs * 2, retry.maxMs ?? 30_000);
      const moved = await this.#chainMovedPast(height, blockHash);
      if (moved !== undefined) {
        result = moved;
        break;
      }
      result = await this.#attempt(hex);
      log.warn({ result }, 'block submitted again');
    }
    if (result.kind === 'accepted') log.info('block accepted by the daemon');
    else if (result.kind === 'rejected')
      log.warn({ reason: result.reason }, 'block rejected by the daemon');
    const found: FoundBlock = {
      network: candidate.network,
      height: job.template.height,
      blockHash,
      jobId: candidate.jobId,
      address: candidate.address,
      worker: candidate.worker,
      foundAtMs: candidate.timeMs,
      submittedAtMs: this.deps.clock.nowMs(),
      rewardSats: job.template.coinbaseValueSats,
      networkWork: workOfTarget(job.template.target),
      result,
    };
    this.deps.onResult(found);
    return found;
  }

  async #attempt(hex: string): Promise<SubmitResult> {
    try {
      return await this.deps.node.submitBlock(hex);
    } catch (err) {
      return { kind: 'error', code: -1, message: err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * Whether the chain moved past the block while it waited: its own hash at its height means
   * a daemon has it (another node of a failover set took it); another block there means it
   * lost the race. Undefined while the daemon cannot tell (still down) or the height is open.
   */
  async #chainMovedPast(height: number, blockHash: string): Promise<SubmitResult | undefined> {
    try {
      const atHeight = await this.deps.node.getBlockHash(height);
      if (atHeight === undefined) return undefined;
      if (atHeight === blockHash) return { kind: 'accepted' };
      return { kind: 'rejected', reason: `stale: the chain has ${atHeight} at height ${height}` };
    } catch {
      return undefined;
    }
  }

  #sleep(scheduler: Scheduler, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: scheduler.setTimeout(() => {
          this.#waits.delete(entry);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.#waits.add(entry);
    });
  }
}
