import { decodeAddress } from '../../pool/core/address/index.js';
import type { BlockTemplate } from '../../pool/core/block/index.js';
import type { CoinParams } from '../../pool/core/coins/index.js';
import { bitsToTarget } from '../../pool/core/difficulty/index.js';
import type { SubmitResult } from '../../pool/node/chain-node.js';
import type { Rng, Scheduler } from '../../runtime/index.js';
import { BlockMaker, minerScript } from './block-maker.js';
import { jumpedBits, reorgBranch } from './chain-faults.js';
import { chainSummary, headerInfo, type ChainSummary, type HeaderInfo } from './chain-queries.js';
import { ChainState } from './chain-state.js';
import { COINBASE_RESERVED_WEIGHT, DEFAULT_BLOCK_MAX_WEIGHT } from './consensus-constants.js';
import { ExternalMining, type ExternalMinerSpec } from './external-mining.js';
import { genesisBlock } from './genesis.js';
import { toGbtResult, type GbtResult } from './gbt-json.js';
import { receivedBy } from './received.js';
import { DEFAULT_FEE_RATE, syntheticTx, type FeeRateModel } from './synthetic-tx.js';
import {
  templateData,
  templateSelection,
  toBlockTemplate,
  type TemplateData,
  type TemplateSelection,
} from './template-data.js';
import { PoissonArrivals } from './tx-arrivals.js';
import type { ChainEvent, SimTx, StoredBlock } from './types.js';
import { checkBlock } from './validate-block.js';
import { Wallet } from './wallet.js';
import { simError } from './sim-errors.js';

export interface ChainSimOptions {
  readonly coin: CoinParams;
  /** Timers and the clock (a VirtualTime in protocol runs). */
  readonly scheduler: Scheduler;
  /** Root of every draw; the simulator forks it by purpose, so streams do not disturb each other. */
  readonly rng: Rng;
  /** The coin's proof-of-work hash of an 80-byte header; pool blocks are always checked with it. */
  readonly powHash: (header: Uint8Array) => Buffer;
  /** Default: the clock at construction, so a chain starts "now". */
  readonly genesisTimeSec?: number;
  /** Bits of genesis (and so of the chain until a retarget). Default: the coin's powLimit. */
  readonly initialBits?: number;
  /** The rest of the network. Default: none (blocks come only from the pool and `generate`). */
  readonly externalMiners?: readonly ExternalMinerSpec[];
  /** Spread of block propagation to external miners (race.ts). Default 0. */
  readonly propagationDelayMs?: number;
  /** Synthetic traffic. Default: none (txPerSec 0). */
  readonly mempool?: {
    readonly txPerSec?: number;
    readonly maxTxs?: number;
    readonly feeRate?: FeeRateModel;
  };
  /** What templates fill up to, coinbase reserve included. Default 3,996,000 (bitcoind's). */
  readonly blockMaxWeight?: number;
  /** The pool's wallet. Without it, wallet calls answer like a daemon without a wallet. */
  readonly wallet?: { readonly address: string; readonly feeRateSatPerVb?: bigint };
}

/**
 * The blockchain simulator: a block tree with the coin's difficulty rule, a mempool of synthetic
 * traffic, external miners racing the pool, a wallet, and faults on command. Every draw comes
 * from the seeded Rng and every timer from the Scheduler, so one seed and one sequence of
 * calls give the same chain, byte for byte.
 */
export class ChainSim {
  readonly coin: CoinParams;
  readonly state: ChainState;
  readonly wallet: Wallet | undefined;
  readonly walletScript: Buffer | undefined;
  private readonly scheduler: Scheduler;
  private readonly powHash: (header: Uint8Array) => Buffer;
  private readonly maker: BlockMaker;
  private readonly mining: ExternalMining;
  private readonly arrivals: PoissonArrivals;
  private readonly maxTxWeight: number;
  private cached: { readonly key: string; readonly selection: TemplateSelection } | undefined;

  constructor(opts: ChainSimOptions) {
    const { coin, scheduler, rng } = opts;
    this.coin = coin;
    this.scheduler = scheduler;
    this.powHash = opts.powHash;
    const nowMs = scheduler.clock.nowMs();
    const bits = opts.initialBits ?? coin.powLimitBits;
    if (bitsToTarget(bits) > bitsToTarget(coin.powLimitBits)) {
      throw simError('SIM_CONFIG', `initial bits ${bits.toString(16)} are easier than powLimit`);
    }
    const genesis = genesisBlock(
      coin,
      opts.genesisTimeSec ?? Math.floor(nowMs / 1000),
      bits,
      nowMs,
    );
    this.state = new ChainState(coin, genesis, opts.mempool?.maxTxs);
    this.maxTxWeight = (opts.blockMaxWeight ?? DEFAULT_BLOCK_MAX_WEIGHT) - COINBASE_RESERVED_WEIGHT;
    this.maker = new BlockMaker(this.state, scheduler.clock, rng.fork('blocks'), this.maxTxWeight);
    this.mining = new ExternalMining(
      {
        scheduler,
        rng: rng.fork('external'),
        raceRng: rng.fork('race'),
        propagationDelayMs: opts.propagationDelayMs ?? 0,
        state: this.state,
        mine: (parent, minerId) =>
          void this.maker.mineOn(parent, {
            source: 'external',
            payScript: minerScript(coin, minerId),
            minerId,
          }),
      },
      opts.externalMiners ?? [],
    );
    const txRng = rng.fork('mempool');
    const traffic = { segwit: coin.segwit, feeRate: opts.mempool?.feeRate ?? DEFAULT_FEE_RATE };
    this.arrivals = new PoissonArrivals(
      scheduler,
      txRng.fork('arrivals'),
      opts.mempool?.txPerSec ?? 0,
      () => void this.state.addTx(syntheticTx(txRng, traffic)),
    );
    this.state.onEvent((e) => {
      if (e.kind === 'tip') this.mining.reschedule();
    });
    if (opts.wallet) {
      const decoded = decodeAddress(opts.wallet.address, coin.address);
      if (!decoded.ok) throw simError('SIM_CONFIG', `wallet address: ${decoded.error}`);
      this.walletScript = decoded.scriptPubKey;
      this.wallet = new Wallet({
        state: this.state,
        scriptPubKey: decoded.scriptPubKey,
        rng: rng.fork('wallet'),
        feeRateSatPerVb: opts.wallet.feeRateSatPerVb ?? 2n,
      });
    }
  }

  /** Starts external mining and transaction arrivals on the scheduler. */
  start(): void {
    this.mining.start();
    this.arrivals.start();
  }

  stop(): void {
    this.mining.stop();
    this.arrivals.stop();
  }

  onEvent(listener: (e: ChainEvent) => void): () => void {
    return this.state.onEvent(listener);
  }

  get tip(): StoredBlock {
    return this.state.tree.tip;
  }

  block(hashHex: string): StoredBlock | undefined {
    return this.state.tree.get(hashHex);
  }

  blockAt(height: number): StoredBlock | undefined {
    return this.state.tree.atHeight(height);
  }

  headerInfo(hashHex: string): HeaderInfo | undefined {
    const b = this.block(hashHex);
    return b && headerInfo(this.state, b);
  }

  chainInfo(): ChainSummary {
    return chainSummary(this.state);
  }

  /** getblock <hash> 0. */
  rawBlock(hashHex: string): string | undefined {
    return this.block(hashHex)?.raw.toString('hex');
  }

  get transactionsUpdated(): number {
    return this.state.mempool.transactionsUpdated;
  }

  validateAddress(address: string): boolean {
    return decodeAddress(address, this.coin.address).ok;
  }

  /** Coinbase outputs and wallet payments to an address with enough confirmations; undefined for a bad address. */
  receivedBy(address: string, minConfirmations = 1): bigint | undefined {
    const decoded = decodeAddress(address, this.coin.address);
    return decoded.ok ? receivedBy(this.state, decoded.scriptPubKey, minConfirmations) : undefined;
  }

  templateData(): TemplateData {
    const tip = this.tip;
    const key = `${tip.hashHex}:${this.transactionsUpdated}`;
    if (this.cached?.key !== key) {
      const txs = this.state.selectFor(tip, this.maxTxWeight);
      this.cached = { key, selection: templateSelection(this.coin.segwit, txs) };
    }
    return templateData(this.state, this.cached.selection, this.scheduler.clock.nowMs());
  }

  blockTemplate(): BlockTemplate {
    return toBlockTemplate(this.templateData());
  }

  getBlockTemplateJson(): GbtResult {
    return toGbtResult(this.templateData());
  }

  /** submitblock: the verdict; a valid block is stored, on the main chain or as a side branch. */
  submitBlock(hex: string): SubmitResult {
    const check = checkBlock(this.validation(), hex, 'submit');
    if (!check.ok) return check.result;
    const { block, change } = this.state.addBlock({
      hash: check.block.hash,
      header: check.block.header,
      raw: check.raw,
      coinbase: check.block.transactions[0]!,
      txids: check.txids,
      source: 'pool',
      receivedAtMs: this.scheduler.clock.nowMs(),
    });
    return change && this.tip === block
      ? { kind: 'accepted' }
      : { kind: 'rejected', reason: 'inconclusive' };
  }

  /** getblocktemplate in proposal mode: the same checks without proof of work; nothing is stored. */
  proposeBlock(hex: string): SubmitResult {
    const check = checkBlock(this.validation(), hex, 'proposal');
    return check.ok ? { kind: 'accepted' } : check.result;
  }

  /** generatetoaddress: `count` trusted blocks on the tip, paying `payScript` (default: the wallet). */
  generate(count: number, payScript?: Buffer): string[] {
    const script = payScript ?? this.walletScript ?? minerScript(this.coin, 'generate');
    return Array.from(
      { length: count },
      () => this.maker.mineOn(this.tip, { source: 'generated', payScript: script }).hashHex,
    );
  }

  /** Synthetic transactions per second from now on (a fee-market surge, a quiet night). */
  setTransactionRate(txPerSec: number): void {
    this.arrivals.setRate(txPerSec);
  }

  addTransaction(tx: SimTx): boolean {
    return this.state.addTx(tx);
  }

  setExternalHashrate(minerId: string, hashesPerSec: number): void {
    this.mining.setHashrate(minerId, hashesPerSec);
  }

  get externalHashrate(): number {
    return this.mining.totalHashrate;
  }

  /** Multiplies the external hashrate by `factor` for `durationMs`. */
  hashrateBurst(factor: number, durationMs: number): void {
    this.mining.scale(factor);
    this.scheduler.setTimeout(() => this.mining.scale(1 / factor), durationMs);
  }

  /** The next block must be `factor` times harder (easier below 1), capped at powLimit. Returns its bits. */
  difficultyJump(factor: number): number {
    const bits = jumpedBits(this.state.expectedBits(this.tip), factor, this.coin.powLimitBits);
    this.state.forceBits(this.tip.height + 1, bits);
    this.mining.reschedule();
    return bits;
  }

  /** A reorganisation of `depth` blocks by an external branch (chain-faults.ts). Returns the branch. */
  reorg(depth: number): string[] {
    return reorgBranch(this.state, this.maker, minerScript(this.coin, 'reorg'), depth);
  }

  private validation(): Parameters<typeof checkBlock>[0] {
    return { state: this.state, nowMs: this.scheduler.clock.nowMs(), powHash: this.powHash };
  }
}
