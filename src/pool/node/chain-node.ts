import type { BlockTemplate } from '../core/block/template.js';

/** What a daemon said about a block: it took it, it refused it, or it could not read it. */
export type SubmitResult =
  | { readonly kind: 'accepted' }
  /** The daemon's reason string: duplicate, inconclusive, high-hash, bad-txnmrklroot, ... */
  | { readonly kind: 'rejected'; readonly reason: string }
  /** A JSON-RPC error instead of a verdict, e.g. -22 "Block decode failed". */
  | { readonly kind: 'error'; readonly code: number; readonly message: string };

export interface BestBlock {
  /** Display order (as RPC shows it). */
  readonly hash: string;
  readonly height: number;
}

export interface BlockInfo {
  readonly hash: string;
  readonly height: number;
  /** -1 when the block is known but not in the main chain (orphaned by a reorg). */
  readonly confirmations: number;
  /** Absent only for the genesis block. */
  readonly previousBlockHash?: string;
  /** Header time, Unix seconds. */
  readonly timeSec: number;
}

export interface ChainInfo {
  /** `main`, `test`, `regtest`, ... */
  readonly chain: string;
  readonly blocks: number;
  readonly headers: number;
  readonly bestBlockHash: string;
  readonly initialBlockDownload: boolean;
}

export interface TemplateRequest {
  /** Longpoll: the daemon answers only once the template would change. */
  readonly longPollId?: string;
  readonly signal?: AbortSignal;
}

/**
 * The pool's only view of a coin daemon: a real one over RPC, the simulator's RPC server, or
 * the simulator in-process. Transport failures throw ChimeraError (RPC_* codes); a daemon's
 * verdict on a block is a SubmitResult value.
 */
export interface ChainNode {
  /** A malformed template throws RPC_BAD_RESPONSE naming the field. */
  getBlockTemplate(request?: TemplateRequest): Promise<BlockTemplate>;
  /**
   * The next template after `after`: when the tip changes (or, with longpoll, when the
   * daemon's transactions change). Longpoll where offered, else polling the best block.
   */
  nextTemplate(
    after: BlockTemplate,
    options?: { readonly signal?: AbortSignal },
  ): Promise<BlockTemplate>;
  /** Idempotent: submitting the same block again answers `rejected: duplicate`. */
  submitBlock(blockHex: string): Promise<SubmitResult>;
  /** Checks a block without its proof of work (getblocktemplate proposal mode). */
  proposeBlock(blockHex: string): Promise<SubmitResult>;
  getBestBlock(): Promise<BestBlock>;
  /** Undefined when the height is above the tip. */
  getBlockHash(height: number): Promise<string | undefined>;
  /** Undefined when the daemon does not know the block. */
  getBlock(hash: string): Promise<BlockInfo | undefined>;
  getBlockchainInfo(): Promise<ChainInfo>;
  validateAddress(address: string): Promise<boolean>;
  /** The wallet's balance in sats. */
  getBalance(): Promise<bigint>;
  /**
   * Pays every address its amount (sats) in one transaction; returns the txid. Never
   * repeated on an unknown outcome: a timeout throws RPC_TIMEOUT and the payer must check
   * the wallet before trying again.
   */
  sendMany(
    outputs: ReadonlyMap<string, bigint>,
    options?: { readonly comment?: string },
  ): Promise<string>;
  /** Releases sockets and timers. */
  close(): Promise<void>;
}
