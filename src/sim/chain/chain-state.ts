import { decodeBlock, HEADER_SIZE, type DecodedTx } from '../../pool/core/block/index.js';
import { toDisplayHex, varint } from '../../pool/core/bytes.js';
import type { CoinParams } from '../../pool/core/coins/index.js';
import { BlockTree, type NewBlock, type TipChange } from './block-tree.js';
import { Mempool } from './mempool.js';
import { nextBits } from './retarget.js';
import { TxIndex, type TxMeta } from './tx-index.js';
import type { ChainEvent, OutPoint, SimTx, StoredBlock } from './types.js';

/** Where a transaction stands as seen from the main chain. */
export type TxStatus =
  | { readonly kind: 'mempool' }
  | { readonly kind: 'confirmed'; readonly block: StoredBlock; readonly confirmations: number }
  /** Known, but neither in the mempool nor on the main chain (orphaned, or dropped as conflicted). */
  | { readonly kind: 'off-chain' }
  | { readonly kind: 'unknown' };

/**
 * The chain's data and the bookkeeping that keeps it consistent: the block tree, the mempool
 * (mined transactions leave it; those of blocks that leave the main chain come back) and the
 * transaction index. Every change is announced as a ChainEvent.
 */
export class ChainState {
  readonly tree: BlockTree;
  readonly mempool: Mempool;
  readonly txs = new TxIndex();
  private readonly bitsOverrides = new Map<number, number>();
  private readonly listeners = new Set<(e: ChainEvent) => void>();

  constructor(
    readonly coin: CoinParams,
    genesis: NewBlock,
    mempoolMaxTxs?: number,
  ) {
    this.tree = new BlockTree(genesis);
    this.txs.recordBlock(this.tree.tip);
    this.mempool = new Mempool(mempoolMaxTxs);
  }

  onEvent(listener: (e: ChainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The bits the child of `parent` must carry: a forced value for its height, else the coin's rule. */
  expectedBits(parent: StoredBlock): number {
    const forced = this.bitsOverrides.get(parent.height + 1);
    if (forced !== undefined) return forced;
    return nextBits(this.coin, toRetarget(parent), (h) => {
      const a = this.tree.ancestor(parent, h);
      return a && toRetarget(a);
    });
  }

  /** A difficulty jump: the block at `height`, on any branch, must carry `bits`. */
  forceBits(height: number, bits: number): void {
    this.bitsOverrides.set(height, bits);
  }

  addTx(tx: SimTx): boolean {
    this.txs.remember(tx);
    if (this.confirmedIn(tx.txidHex, this.tree.tip)) return false;
    const added = this.mempool.add(tx);
    if (added) this.emitMempool();
    return added;
  }

  /** Stores a block (validated or trusted) and moves the mempool with the main chain. */
  addBlock(nb: NewBlock): { readonly block: StoredBlock; readonly change?: TipChange } {
    const result = this.tree.add(nb);
    const { block, change } = result;
    this.txs.recordBlock(block);
    const updatesBefore = this.mempool.transactionsUpdated;
    if (change) this.applyTipChange(change);
    this.emit({
      kind: 'block',
      hash: block.hashHex,
      height: block.height,
      source: block.source,
      mainChain: this.tree.isMain(block),
    });
    if (change) {
      const tip = this.tree.tip;
      this.emit({
        kind: 'tip',
        hash: tip.hashHex,
        height: tip.height,
        disconnected: change.disconnected.map((b) => b.hashHex),
        connected: change.connected.map((b) => b.hashHex),
      });
    }
    if (this.mempool.transactionsUpdated !== updatesBefore) this.emitMempool();
    return result;
  }

  /** The block on the branch ending at `branchTip` that includes the transaction. */
  confirmedIn(txid: string, branchTip: StoredBlock): StoredBlock | undefined {
    return this.txs.blocksOf(txid).find((b) => this.tree.ancestor(branchTip, b.height) === b);
  }

  txStatus(txid: string): TxStatus {
    if (this.mempool.has(txid)) return { kind: 'mempool' };
    const block = this.txs.blocksOf(txid).find((b) => this.tree.isMain(b));
    if (block) return { kind: 'confirmed', block, confirmations: this.tree.confirmations(block) };
    return this.txs.meta(txid) || this.txs.blocksOf(txid).length > 0
      ? { kind: 'off-chain' }
      : { kind: 'unknown' };
  }

  /**
   * Why `tx` cannot go in a block at `parent.height + 1` on the branch ending at `parent`, with
   * `earlier` the txids before it in that block; undefined when it can.
   */
  spendProblem(tx: TxMeta, parent: StoredBlock, earlier: ReadonlySet<string>): string | undefined {
    if (earlier.has(tx.txidHex) || this.confirmedIn(tx.txidHex, parent)) {
      return 'bad-txns-inputs-missingorspent';
    }
    for (const s of tx.spends) {
      if (earlier.has(s.txid)) continue;
      const home = this.confirmedIn(s.txid, parent);
      if (home === undefined) return 'bad-txns-inputs-missingorspent';
      if (isCoinbaseOf(home, s) && parent.height + 1 - home.height < this.coin.coinbaseMaturity) {
        return 'bad-txns-premature-spend-of-coinbase';
      }
    }
    return undefined;
  }

  /** The mempool's best transactions that are valid on top of `parent`. */
  selectFor(parent: StoredBlock, maxWeight: number): SimTx[] {
    const onMain = this.tree.isMain(parent);
    const chosen = new Set<string>();
    const picked = this.mempool.select(maxWeight, (tx) => {
      if (tx.spends.length === 0 && onMain) return true;
      const ok = this.spendProblem(tx, parent, chosen) === undefined;
      if (ok) chosen.add(tx.txidHex);
      return ok;
    });
    return picked;
  }

  private applyTipChange(change: TipChange): void {
    const nowConfirmed = new Set(change.connected.flatMap((b) => b.txids));
    for (const block of change.disconnected) {
      for (const { data, tx } of blockTxs(block)) {
        const meta = this.txs.meta(toDisplayHex(tx.txid));
        if (meta === undefined || nowConfirmed.has(meta.txidHex)) continue;
        this.mempool.add({ ...meta, data, txid: tx.txid, wtxid: tx.wtxid, outputs: tx.outputs });
      }
    }
    for (const txid of nowConfirmed) this.mempool.remove(txid);
    this.dropOrphanedSpends();
  }

  /** Wallet payments whose coins left the main chain (a reorg deeper than maturity) are conflicted. */
  private dropOrphanedSpends(): void {
    const tip = this.tree.tip;
    for (let removed = true; removed;) {
      removed = false;
      for (const tx of this.mempool.all()) {
        const broken = tx.spends.some(
          (s) => !this.mempool.has(s.txid) && !this.confirmedIn(s.txid, tip),
        );
        if (broken) removed = this.mempool.remove(tx.txidHex) || removed;
      }
    }
  }

  private emitMempool(): void {
    this.emit({
      kind: 'mempool',
      transactionsUpdated: this.mempool.transactionsUpdated,
      size: this.mempool.size,
    });
  }

  private emit(e: ChainEvent): void {
    for (const fn of this.listeners) fn(e);
  }
}

function toRetarget(b: StoredBlock): { height: number; timeSec: number; bits: number } {
  return { height: b.height, timeSec: b.header.time, bits: b.header.bits };
}

function isCoinbaseOf(block: StoredBlock, o: OutPoint): boolean {
  return Buffer.from(block.coinbase.txid).reverse().toString('hex') === o.txid;
}

/** The transactions after the coinbase, decoded and cut out of the block's bytes. */
function blockTxs(block: StoredBlock): { readonly data: Buffer; readonly tx: DecodedTx }[] {
  const decoded = decodeBlock(block.raw);
  if (!decoded.ok) return [];
  const txs = decoded.block.transactions;
  let at = HEADER_SIZE + varint(txs.length).length;
  const out: { data: Buffer; tx: DecodedTx }[] = [];
  txs.forEach((tx, i) => {
    if (i > 0) out.push({ data: Buffer.from(block.raw.subarray(at, at + tx.size)), tx });
    at += tx.size;
  });
  return out;
}
