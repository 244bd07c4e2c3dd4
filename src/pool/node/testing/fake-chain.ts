import { fromDisplayHex, toDisplayHex, toHex, u32le } from '../../core/bytes.js';
import { sha256d } from '../../core/hash.js';

export interface FakeBlock {
  readonly hash: string;
  readonly height: number;
  readonly prevHash?: string;
  readonly timeSec: number;
  /** 80-byte header and a zero transaction count: enough to be found, resent and compared. */
  readonly rawHex: string;
}

const REGTEST_BITS = 0x207fffff;
const BLOCK_SPACING_SEC = 150;

/**
 * The chain behind the fake daemon: real 80-byte headers hashed with sha256d, a main chain
 * that mining and reorgs move, and templates made from a real getblocktemplate answer with
 * only the tip-dependent fields replaced.
 */
export class FakeChain {
  private readonly byHash = new Map<string, FakeBlock>();
  private main: FakeBlock[] = [];
  private salt = 0;
  /** bitcoind's "transactions updated" counter: the tail of every longpollid. */
  private txUpdates = 1;
  private readonly listeners = new Set<() => void>();

  constructor(
    tipHeight: number,
    private readonly baseTemplate: Readonly<Record<string, unknown>>,
    private readonly genesisTimeSec: number,
  ) {
    for (let h = 0; h <= tipHeight; h++) this.extend();
  }

  /** A chain made from a real template, its tip one below the template's height. */
  static fromTemplate(template: Readonly<Record<string, unknown>>): FakeChain {
    const tipHeight = Number(template['height']) - 1;
    const genesisTimeSec = Number(template['curtime']) - BLOCK_SPACING_SEC * (tipHeight + 1);
    return new FakeChain(tipHeight, template, genesisTimeSec);
  }

  /** Calls `fn` whenever templates change (new tip, reorg, new transaction). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get tip(): FakeBlock {
    return this.main[this.main.length - 1]!;
  }

  blockAt(height: number): FakeBlock | undefined {
    return this.main[height];
  }

  get(hash: string): FakeBlock | undefined {
    return this.byHash.get(hash.toLowerCase());
  }

  /** As bitcoind counts: tip is 1, -1 off the main chain. */
  confirmations(block: FakeBlock): number {
    return this.main[block.height]?.hash === block.hash ? this.tip.height - block.height + 1 : -1;
  }

  longPollId(): string {
    return `${this.tip.hash}${this.txUpdates}`;
  }

  /** A new mempool transaction: templates change, the tip does not. */
  bumpTransactions(): void {
    this.txUpdates++;
    this.changed();
  }

  mine(): FakeBlock {
    const block = this.extend();
    this.changed();
    return block;
  }

  /** Replaces the top `depth` blocks with a longer branch; the old ones go to -1 confirmations. */
  reorg(depth: number): void {
    if (depth < 1 || depth >= this.main.length) throw new RangeError(`reorg depth ${depth}`);
    this.main = this.main.slice(0, this.main.length - depth);
    for (let i = 0; i <= depth; i++) this.extend();
    this.changed();
  }

  /** submitblock's verdict on a raw block, by its header alone (no proof-of-work check). */
  accept(rawHex: string): string | null {
    const header = Buffer.from(rawHex.slice(0, 160), 'hex');
    const hash = toDisplayHex(sha256d(header));
    if (this.byHash.has(hash)) return 'duplicate';
    const prev = toDisplayHex(header.subarray(4, 36));
    if (!this.byHash.has(prev)) return 'prev-blk-not-found';
    if (prev !== this.tip.hash) return 'inconclusive';
    this.add({
      hash,
      height: this.tip.height + 1,
      prevHash: prev,
      timeSec: header.readUInt32LE(68),
      rawHex,
    });
    this.changed();
    return null;
  }

  /** Whether `rawHex` starts with a whole header (the rest is not checked). */
  static decodes(rawHex: string): boolean {
    return rawHex.length >= 162 && /^(?:[0-9a-fA-F]{2})+$/.test(rawHex);
  }

  template(): Record<string, unknown> {
    const tip = this.tip;
    return {
      ...this.baseTemplate,
      previousblockhash: tip.hash,
      height: tip.height + 1,
      longpollid: this.longPollId(),
      curtime: tip.timeSec + BLOCK_SPACING_SEC,
      mintime: tip.timeSec + 1,
    };
  }

  /** A block header on top of the tip; the salt stands in for the merkle root. */
  headerOnTip(): Buffer {
    const prev = this.main[this.main.length - 1];
    const height = prev === undefined ? 0 : prev.height + 1;
    return Buffer.concat([
      u32le(0x20000000),
      prev === undefined ? Buffer.alloc(32) : fromDisplayHex(prev.hash),
      sha256d(Buffer.from(`fake-merkle-${this.salt++}`)),
      u32le(this.genesisTimeSec + height * BLOCK_SPACING_SEC),
      u32le(REGTEST_BITS),
      u32le(0),
    ]);
  }

  private extend(): FakeBlock {
    const header = this.headerOnTip();
    const prev = this.main[this.main.length - 1];
    const block: FakeBlock = {
      hash: toDisplayHex(sha256d(header)),
      height: prev === undefined ? 0 : prev.height + 1,
      ...(prev === undefined ? {} : { prevHash: prev.hash }),
      timeSec: header.readUInt32LE(68),
      rawHex: `${toHex(header)}00`,
    };
    this.add(block);
    return block;
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  private add(block: FakeBlock): void {
    this.byHash.set(block.hash, block);
    this.main.push(block);
  }
}
