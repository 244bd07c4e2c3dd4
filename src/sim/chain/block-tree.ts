import type { DecodedTx, HeaderFields } from '../../pool/core/block/index.js';
import { toDisplayHex } from '../../pool/core/bytes.js';
import { bitsToTarget, workOfTarget } from '../../pool/core/difficulty/index.js';
import { MEDIAN_TIME_SPAN } from './consensus-constants.js';
import type { BlockSource, StoredBlock } from './types.js';
import { simError } from './sim-errors.js';

/** A block ready to be stored: already validated, or built by the simulator itself. */
export interface NewBlock {
  readonly hash: Buffer;
  readonly header: HeaderFields;
  readonly raw: Buffer;
  readonly coinbase: DecodedTx;
  readonly txids: readonly string[];
  readonly source: BlockSource;
  readonly receivedAtMs: number;
  readonly minerId?: string;
}

/** How the main chain moved: blocks that left it (tip first) and joined it (lowest first). */
export interface TipChange {
  readonly disconnected: readonly StoredBlock[];
  readonly connected: readonly StoredBlock[];
}

/**
 * Every block the simulator has seen, as a tree. The main chain is the branch with the most
 * work; a branch of equal work never displaces the one seen first, as in Bitcoin Core.
 */
export class BlockTree {
  private readonly byHash = new Map<string, StoredBlock>();
  private readonly main: StoredBlock[] = [];
  /** Leaves with exactly the tip's work, seen after it. */
  private rivals: StoredBlock[] = [];
  private seq = 0;

  constructor(genesis: NewBlock) {
    const block = this.store(genesis, undefined);
    this.main.push(block);
  }

  get tip(): StoredBlock {
    return this.main[this.main.length - 1]!;
  }

  get size(): number {
    return this.byHash.size;
  }

  get(hashHex: string): StoredBlock | undefined {
    return this.byHash.get(hashHex.toLowerCase());
  }

  /** The main-chain block at a height. */
  atHeight(height: number): StoredBlock | undefined {
    return this.main[height];
  }

  isMain(block: StoredBlock): boolean {
    return this.main[block.height] === block;
  }

  /** As bitcoind counts: 1 for the tip, -1 off the main chain. */
  confirmations(block: StoredBlock): number {
    return this.isMain(block) ? this.tip.height - block.height + 1 : -1;
  }

  /** The ancestor of `block` (or itself) at `height`. */
  ancestor(block: StoredBlock, height: number): StoredBlock | undefined {
    if (height < 0 || height > block.height) return undefined;
    let cur: StoredBlock | undefined = block;
    while (cur !== undefined && cur.height > height) {
      if (this.isMain(cur)) return this.main[height];
      cur = cur.parent;
    }
    return cur;
  }

  /** The tip and the leaves that tie with it on work, first seen first. */
  candidates(): readonly StoredBlock[] {
    return [this.tip, ...this.rivals];
  }

  /** Every block in the order it arrived. */
  all(): IterableIterator<StoredBlock> {
    return this.byHash.values();
  }

  /**
   * Stores a block whose parent is known. Returns how the main chain moved, if it did.
   * An unknown parent or a block stored twice is a caller's bug.
   */
  add(nb: NewBlock): { readonly block: StoredBlock; readonly change?: TipChange } {
    const parent = this.get(toDisplayHex(nb.header.prevHash));
    if (parent === undefined) {
      throw simError('SIM_UNKNOWN_PARENT', 'block stored before its parent', {
        prevHash: toDisplayHex(nb.header.prevHash),
      });
    }
    const block = this.store(nb, parent);
    const tip = this.tip;
    if (block.chainWork > tip.chainWork) {
      this.rivals = [];
      return { block, change: this.switchTo(block) };
    }
    if (block.chainWork === tip.chainWork) {
      this.rivals = this.rivals.filter((r) => r !== parent);
      this.rivals.push(block);
    }
    return { block };
  }

  private switchTo(newTip: StoredBlock): TipChange {
    const connected: StoredBlock[] = [];
    let fork: StoredBlock | undefined = newTip;
    while (fork !== undefined && !this.isMain(fork)) {
      connected.push(fork);
      fork = fork.parent;
    }
    if (fork === undefined) throw simError('SIM_NO_FORK_POINT', 'branch not rooted in genesis');
    const disconnected = this.main.slice(fork.height + 1).reverse();
    this.main.length = fork.height + 1;
    connected.reverse();
    this.main.push(...connected);
    return { disconnected, connected };
  }

  private store(nb: NewBlock, parent: StoredBlock | undefined): StoredBlock {
    const hashHex = toDisplayHex(nb.hash);
    if (this.byHash.has(hashHex)) {
      throw simError('SIM_DUPLICATE_BLOCK', 'block stored twice', { hash: hashHex });
    }
    const work = workOfTarget(bitsToTarget(nb.header.bits));
    const block: StoredBlock = {
      hash: nb.hash,
      hashHex,
      header: nb.header,
      height: parent === undefined ? 0 : parent.height + 1,
      chainWork: (parent?.chainWork ?? 0n) + work,
      parent,
      medianTimePast: medianTimePast(nb.header.time, parent),
      raw: nb.raw,
      coinbase: nb.coinbase,
      txids: nb.txids,
      source: nb.source,
      receivedAtMs: nb.receivedAtMs,
      seq: this.seq++,
      ...(nb.minerId === undefined ? {} : { minerId: nb.minerId }),
    };
    this.byHash.set(hashHex, block);
    return block;
  }
}

function medianTimePast(time: number, parent: StoredBlock | undefined): number {
  const times = [time];
  for (let b = parent; b !== undefined && times.length < MEDIAN_TIME_SPAN; b = b.parent) {
    times.push(b.header.time);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
