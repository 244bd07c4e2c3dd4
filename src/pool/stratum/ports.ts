import type { StratumJob } from '../core/block/job.js';
import type { Difficulty } from '../core/difficulty/difficulty.js';
import type { RejectReason } from '../core/shares/reasons.js';

/**
 * The ports a Stratum session talks through. Each is small so the simulator, the tests and
 * the real pool can each supply their own adapter.
 */

export type LoginCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Decides whether `address` (the part of the login before the first `.`) may mine here. */
export interface LoginValidator {
  validateLogin(address: string, worker: string | undefined): Promise<LoginCheck> | LoginCheck;
}

/** Why a submit was refused: the share checks' reasons plus the session's own. */
export type ShareRejectReason = RejectReason | 'rate-limited';

export interface AcceptedShare {
  readonly network: string;
  readonly address: string;
  /** The worker part of the login; '' when the miner logged in with a bare address. */
  readonly worker: string;
  /** The session's extranonce1 (hex): which connection found it. */
  readonly sessionId: string;
  readonly jobId: string;
  /** The difficulty the share was judged at, exact. */
  readonly difficulty: Difficulty;
  /** Expected hashes behind the share: what PPLNS weighs. */
  readonly work: bigint;
  /** The proof-of-work hash as a number (best-share statistics). */
  readonly hash: bigint;
  readonly timeMs: number;
  readonly verdict: 'accepted' | 'block';
}

/** What the pool needs to assemble and submit a block (see core/block blockForShare). */
export interface BlockCandidate {
  readonly network: string;
  readonly jobId: string;
  readonly job: StratumJob;
  /** The 80-byte header the miner hashed. */
  readonly header: Buffer;
  /** The coinbase without witness, as hashed into the merkle root. */
  readonly coinbase: Buffer;
  /** sha256d of the header, internal byte order. */
  readonly blockHash: Buffer;
  readonly address: string;
  readonly worker: string;
  readonly timeMs: number;
}

export interface RejectedShare {
  readonly network: string;
  readonly sessionId: string;
  /** The authorized login the submit named; undefined when it named none. */
  readonly address: string | undefined;
  readonly worker: string | undefined;
  readonly jobId: string;
  readonly reason: ShareRejectReason;
  readonly timeMs: number;
}

/**
 * Where judged shares go. The miner is told `true` only after `record` settles (the ledger
 * makes it a durable commit); `submitBlock` starts at once, before the share is recorded,
 * because a block loses value every millisecond. `rejected` only counts.
 */
export interface ShareSink {
  record(share: AcceptedShare): Promise<void> | void;
  submitBlock(candidate: BlockCandidate): Promise<void> | void;
  rejected(share: RejectedShare): void;
}

/** A unique extranonce1 per live session. */
export interface ExtranonceLease {
  readonly extranonce1: Buffer;
  readonly hex: string;
  /** True when the miner asked for this one back (session resume) and got it. */
  readonly resumed: boolean;
}

export interface ExtranonceAllocator {
  /** extranonce1 length in bytes; jobs must be built for it. */
  readonly size: number;
  /**
   * `preferred` (hex of an earlier session) when it is well-formed and not in use, else a
   * fresh one; undefined when every value is in use.
   */
  allocate(preferred: string | undefined): ExtranonceLease | undefined;
  release(hex: string): void;
}
