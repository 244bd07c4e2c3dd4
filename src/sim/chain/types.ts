import type { DecodedTx, HeaderFields, TxOutput } from '../../pool/core/block/index.js';

/** Who made a block: the simulator's genesis, the rest of the network, `generate`, or the pool. */
export type BlockSource = 'genesis' | 'external' | 'generated' | 'pool';

/** A block the simulator holds, on the main chain or on a side branch. */
export interface StoredBlock {
  /** Internal byte order (as the next header's prevHash). */
  readonly hash: Buffer;
  /** Display order (as RPC shows it). */
  readonly hashHex: string;
  readonly header: HeaderFields;
  readonly height: number;
  /** Sum of workOfTarget over this block and its ancestors. */
  readonly chainWork: bigint;
  readonly parent: StoredBlock | undefined;
  /** Median of the times of this block and its 10 ancestors (BIP113). */
  readonly medianTimePast: number;
  readonly raw: Buffer;
  readonly coinbase: DecodedTx;
  /** Display-order txids of the transactions after the coinbase, in block order. */
  readonly txids: readonly string[];
  readonly source: BlockSource;
  /** Clock reading when the simulator first saw the block. */
  readonly receivedAtMs: number;
  /** Arrival order: the first-seen tie-break between branches of equal work. */
  readonly seq: number;
  /** The external miner that found it, for external blocks. */
  readonly minerId?: string;
}

/** An output of a transaction, named by its txid (display order) and index. */
export interface OutPoint {
  readonly txid: string;
  readonly vout: number;
}

/** A non-coinbase transaction the simulator made: synthetic traffic or a wallet payment. */
export interface SimTx {
  readonly data: Buffer;
  /** Internal byte order. */
  readonly txid: Buffer;
  readonly wtxid: Buffer;
  readonly txidHex: string;
  readonly feeSats: bigint;
  readonly weight: number;
  /** Signature-operation cost as getblocktemplate reports it (approximate, see synthetic-tx.ts). */
  readonly sigops: number;
  /**
   * Outputs of simulator-known transactions this one spends (wallet coins). Synthetic traffic
   * spends outputs the simulator does not model, so its list is empty.
   */
  readonly spends: readonly OutPoint[];
  readonly outputs: readonly TxOutput[];
  readonly origin: 'synthetic' | 'wallet';
}

/** What the chain tells its listeners. */
export type ChainEvent =
  | {
      readonly kind: 'block';
      readonly hash: string;
      readonly height: number;
      readonly source: BlockSource;
      /** Whether the block is on the main chain right after it was stored. */
      readonly mainChain: boolean;
    }
  | {
      readonly kind: 'tip';
      readonly hash: string;
      readonly height: number;
      /** Tip first; empty for a plain extension. */
      readonly disconnected: readonly string[];
      /** Lowest first; ends with the new tip. */
      readonly connected: readonly string[];
    }
  | { readonly kind: 'mempool'; readonly transactionsUpdated: number; readonly size: number };
