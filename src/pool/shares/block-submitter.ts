import { workOfTarget } from '../core/difficulty/targets.js';
import type { Logger } from 'pino';
import { blockForShare } from '../core/block/block.js';
import { toDisplayHex } from '../core/bytes.js';
import type { Clock } from '../../runtime/clock.js';
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
  /** Told of every submission's outcome (books, metrics, job refresh). */
  readonly onResult: (block: FoundBlock) => void;
}

/**
 * Assembles a block candidate into the block the daemon expects and submits it. Never
 * throws: an unreachable daemon is an outcome (kind `error`) to record and alert on, not a
 * crash, and the block's bytes are logged so an operator can submit it by hand.
 */
export class BlockSubmitter {
  constructor(private readonly deps: BlockSubmitterDeps) {}

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
    let result: SubmitResult;
    try {
      result = await this.deps.node.submitBlock(hex);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      result = { kind: 'error', code: -1, message };
      log.error({ err, blockHex: hex }, 'block submission failed: the daemon did not answer');
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
}
