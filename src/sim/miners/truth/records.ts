/** What the pool answered to one share. */
export type ShareAnswer =
  | { readonly kind: 'accepted' }
  /** `code` is undefined when the pool said `false` without an error. */
  | { readonly kind: 'rejected'; readonly code: number | undefined; readonly message: string }
  /** The connection ended before the answer. */
  | { readonly kind: 'unanswered' }
  /** Found but never sent (block withholding). */
  | { readonly kind: 'withheld' };

/** One share a miner found or sent, and what became of it. */
export interface ShareRecord {
  readonly minerId: string;
  /** Order within the miner, by when it was sent (or withheld). */
  readonly seq: number;
  /** 'honest', or the behaviour's label for what this share tries on the pool. */
  readonly intent: string;
  /** Which connection of the miner (1 for the first). */
  readonly session: number;
  readonly extranonce1: string;
  readonly jobId: string;
  readonly extranonce2: string;
  readonly ntime: string;
  readonly nonce: string;
  readonly versionBits: string | undefined;
  /** The difficulty the miner believed in force (what it ground for). */
  readonly difficulty: number;
  /** The hash met the target of that difficulty (false for deliberately bad shares). */
  readonly meetsShareTarget: boolean;
  /** The hash also met the job's network target: a block, whether the miner knew or not. */
  readonly meetsNetworkTarget: boolean;
  /** Proof-of-work hash, display (big-endian) hex. */
  readonly hash: string;
  /** Scenario time the share clock said this share was found. */
  readonly dueAtMs: number;
  readonly sentAtMs: number | undefined;
  /** Time since the newest clean job (the round) when it was found. */
  readonly roundAgeMs: number | undefined;
  readonly answer: ShareAnswer;
  readonly latencyMs: number | undefined;
}

/** A line sent to probe the pool rather than to mine (malformed, oversized, flooding). */
export interface LineRecord {
  readonly minerId: string;
  readonly seq: number;
  readonly intent: string;
  readonly session: number;
  readonly bytes: number;
  readonly sentAtMs: number;
  readonly answer:
    | { readonly kind: 'result'; readonly value: unknown }
    | { readonly kind: 'error'; readonly code: number; readonly message: string }
    | { readonly kind: 'unanswered' }
    /** Nothing was waited for (the line carries no answerable request). */
    | { readonly kind: 'not-awaited' };
}

/** One connection of a miner, from connect to close. */
export interface SessionRecord {
  readonly minerId: string;
  readonly session: number;
  readonly connectedAtMs: number;
  readonly extranonce1: string | undefined;
  /** How the handshake ended: authorized, refused by the pool, cut off, or never tried. */
  readonly handshake: 'authorized' | 'refused' | 'cut' | 'skipped';
  readonly firstJobAtMs: number | undefined;
  /** Every difficulty put in force in this session, in order. */
  readonly difficulties: readonly { readonly atMs: number; readonly difficulty: number }[];
  readonly closedAtMs: number | undefined;
  /** Who ended it: the pool (close, reset, ban) or the miner. */
  readonly closedBy: 'pool' | 'miner' | undefined;
}

/** A connection attempt that failed before any session (refused, unreachable, banned). */
export interface ConnectFailure {
  readonly minerId: string;
  readonly atMs: number;
  readonly message: string;
}
