import type { SimTx } from './types.js';

interface Entry {
  readonly tx: SimTx;
  readonly seq: number;
}

/**
 * Transactions waiting for a block. Selection is by fee rate (fee/weight compared exactly, as
 * cross products), ties by arrival, parents before children; a transaction that does not fit
 * is skipped and smaller ones still may. (Bitcoin Core ranks by ancestor-package fee rate;
 * with the simulator's few dependent transactions the two orders rarely differ.)
 */
export class Mempool {
  private readonly entries = new Map<string, Entry>();
  private seq = 0;
  private updates = 1;
  private ranked: Entry[] | undefined;

  /** `maxTxs`: when full, the synthetic transaction with the lowest fee rate leaves. */
  constructor(private readonly maxTxs = 50_000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bitcoin Core's nTransactionsUpdated: moves on every add or remove (the tail of longpollid). */
  get transactionsUpdated(): number {
    return this.updates;
  }

  has(txid: string): boolean {
    return this.entries.has(txid);
  }

  get(txid: string): SimTx | undefined {
    return this.entries.get(txid)?.tx;
  }

  /** In arrival order. */
  all(): SimTx[] {
    return [...this.entries.values()].map((e) => e.tx);
  }

  /** False when the transaction is already here or was evicted at once for its low fee rate. */
  add(tx: SimTx): boolean {
    if (this.entries.has(tx.txidHex)) return false;
    this.entries.set(tx.txidHex, { tx, seq: this.seq++ });
    this.changed();
    if (this.entries.size > this.maxTxs) {
      const victim = this.cheapestSynthetic();
      if (victim !== undefined) this.remove(victim.tx.txidHex);
      return victim?.tx !== tx;
    }
    return true;
  }

  remove(txid: string): boolean {
    const had = this.entries.delete(txid);
    if (had) this.changed();
    return had;
  }

  /**
   * Picks transactions for a block up to `maxWeight`, best fee rate first. `usable` can refuse
   * a transaction (e.g. one whose parent is not on the branch being extended); it is asked
   * only once the transaction's mempool parents are chosen, and its yes is final.
   */
  select(maxWeight: number, usable: (tx: SimTx) => boolean = () => true): SimTx[] {
    const chosen: SimTx[] = [];
    const chosenIds = new Set<string>();
    let weight = 0;
    let pending = this.rank();
    for (;;) {
      const deferred: Entry[] = [];
      let progress = false;
      for (const e of pending) {
        const { tx } = e;
        if (weight + tx.weight > maxWeight) continue;
        if (tx.spends.some((s) => this.entries.has(s.txid) && !chosenIds.has(s.txid))) {
          deferred.push(e);
          continue;
        }
        if (!usable(tx)) continue;
        chosen.push(tx);
        chosenIds.add(tx.txidHex);
        weight += tx.weight;
        progress = true;
      }
      if (!progress || deferred.length === 0) return chosen;
      pending = deferred;
    }
  }

  private rank(): Entry[] {
    this.ranked ??= [...this.entries.values()].sort(
      (a, b) => compareFeeRate(b.tx, a.tx) || a.seq - b.seq,
    );
    return this.ranked;
  }

  private cheapestSynthetic(): Entry | undefined {
    let worst: Entry | undefined;
    for (const e of this.entries.values()) {
      if (e.tx.origin !== 'synthetic') continue;
      if (worst === undefined || compareFeeRate(e.tx, worst.tx) < 0) worst = e;
    }
    return worst;
  }

  private changed(): void {
    this.updates++;
    this.ranked = undefined;
  }
}

/** Sign of feeRate(a) - feeRate(b), exactly. */
export function compareFeeRate(a: SimTx, b: SimTx): number {
  const l = a.feeSats * BigInt(b.weight);
  const r = b.feeSats * BigInt(a.weight);
  return l < r ? -1 : l > r ? 1 : 0;
}
