import { p2pkhScript, witnessScript } from '../../pool/core/address/index.js';
import { blockSubsidySats, type CoinParams } from '../../pool/core/coins/index.js';
import { sha256d } from '../../pool/core/hash.js';
import type { Clock, Rng } from '../../runtime/index.js';
import { assembleBlock } from './assemble.js';
import type { ChainState } from './chain-state.js';
import { TEMPLATE_BLOCK_VERSION } from './consensus-constants.js';
import type { BlockSource, StoredBlock } from './types.js';

export interface MineOptions {
  readonly source: BlockSource;
  readonly payScript: Buffer;
  readonly minerId?: string;
  /** Default true: fill from the mempool as a template would. */
  readonly withTxs?: boolean;
}

/**
 * Makes the blocks the simulator trusts (the network's, `generate`'s, a reorg's): valid in
 * every respect but proof of work, dated max(MTP + 1, clock), with the coin's next bits.
 */
export class BlockMaker {
  constructor(
    private readonly state: ChainState,
    private readonly clock: Clock,
    private readonly rng: Rng,
    private readonly maxTxWeight: number,
  ) {}

  mineOn(parent: StoredBlock, opts: MineOptions): StoredBlock {
    const { coin } = this.state;
    const height = parent.height + 1;
    const txs = (opts.withTxs ?? true) ? this.state.selectFor(parent, this.maxTxWeight) : [];
    const fees = txs.reduce((s, t) => s + t.feeSats, 0n);
    const nowMs = this.clock.nowMs();
    const nb = assembleBlock(
      {
        height,
        prevHash: parent.hash,
        version: TEMPLATE_BLOCK_VERSION,
        bits: this.state.expectedBits(parent),
        timeSec: Math.max(parent.medianTimePast + 1, Math.floor(nowMs / 1000)),
        nonce: this.rng.int(0, 0xffffffff),
        coinbaseValueSats: blockSubsidySats(coin, height) + fees,
        txs,
        payScript: opts.payScript,
        witnessCommitment: coin.segwit,
        tag: `/sim:${(opts.minerId ?? opts.source).slice(0, 40)}/`,
        extranonce: this.rng.bytes(8),
      },
      {
        source: opts.source,
        receivedAtMs: nowMs,
        ...(opts.minerId === undefined ? {} : { minerId: opts.minerId }),
      },
    );
    return this.state.addBlock(nb).block;
  }
}

/** A deterministic payout script per external miner id, so each one's income can be followed. */
export function minerScript(coin: CoinParams, minerId: string): Buffer {
  const hash = sha256d(Buffer.from(`chimera-sim-miner:${minerId}`)).subarray(0, 20);
  return coin.segwit ? witnessScript(0, hash) : p2pkhScript(hash);
}
