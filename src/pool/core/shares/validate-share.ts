import { hashToBigInt } from '../bytes.js';
import { headerForShare, type StratumJob } from '../block/job.js';
import { sha256d } from '../hash.js';
import {
  hashMeetsDifficulty,
  targetFromDifficulty,
  type Difficulty,
} from '../difficulty/difficulty.js';
import { workOfTarget } from '../difficulty/targets.js';
import type { RejectReason } from './reasons.js';
import { decodeSubmission, type DecodedSubmission, type RawSubmission } from './submission.js';

/** What the job registry knows of the job a share names. */
export type JobLookup =
  | { readonly kind: 'active'; readonly job: StratumJob }
  | { readonly kind: 'stale'; readonly job: StratumJob }
  | { readonly kind: 'unknown' };

/** What the session contributes: its extranonce, negotiation and history. */
export interface ShareSession {
  readonly extranonce1: Buffer;
  readonly extranonce2Size: number;
  /** BIP 310 mask agreed in mining.configure; 0 when the miner may not roll version bits. */
  readonly versionMask: number;
  /** The difficulty in force when this job was sent to this session. */
  readonly jobDifficulty: Difficulty;
  /** Keys of shares already accepted from this session (see DecodedSubmission.key). */
  readonly seen: { has(key: string): boolean };
}

/** The proof-of-work side of an algorithm (see the algorithm registry). */
export interface ShareHasher {
  /** The algorithm's id (sha256d, scrypt, ...), when known: hashers with one id are one PoW. */
  readonly id?: string;
  readonly diff1Target: bigint;
  hashHeader(header: Uint8Array): Buffer;
}

export interface ShareRules {
  /** Latest ntime accepted, in seconds after the pool's now (daemons allow 2 h; keep a margin). */
  readonly maxFutureSec: number;
}

export const DEFAULT_SHARE_RULES: ShareRules = { maxFutureSec: 7000 };

interface Solved {
  /** Duplicate-detection key; the caller adds it to the session's seen set. */
  readonly key: string;
  readonly submission: DecodedSubmission;
  /** The proof-of-work hash as a number (compared with targets). */
  readonly hash: bigint;
  readonly difficulty: Difficulty;
  /** Expected hashes behind a share at this difficulty: what PPLNS weighs. */
  readonly work: bigint;
  readonly header: Buffer;
  readonly version: number;
}

export type ShareVerdict =
  | ({ readonly kind: 'accepted' } & Solved)
  | ({
      readonly kind: 'block';
      /** Coinbase without witness, as hashed into the merkle root. */
      readonly coinbase: Buffer;
      /** Block id (sha256d of the header), internal byte order. */
      readonly blockHash: Buffer;
    } & Solved)
  | { readonly kind: 'rejected'; readonly reason: RejectReason };

/**
 * Judges one submitted share. Pure: the same inputs always give the same verdict. Cheap
 * checks (job, shape, ntime, version mask, duplicate) come before the hash.
 */
export function validateShare(
  lookup: JobLookup,
  raw: RawSubmission,
  session: ShareSession,
  nowMs: number,
  hasher: ShareHasher,
  rules: ShareRules = DEFAULT_SHARE_RULES,
): ShareVerdict {
  if (lookup.kind === 'unknown') return rejected('unknown-job');
  if (lookup.kind === 'stale') return rejected('stale-job');
  const { job } = lookup;
  const decoded = decodeSubmission(raw, session.extranonce2Size);
  if (!decoded.ok) return rejected(decoded.reason);
  const sub = decoded.submission;
  const nowSec = Math.floor(nowMs / 1000);
  if (sub.ntime < job.template.minTime || sub.ntime > nowSec + rules.maxFutureSec) {
    return rejected('ntime-out-of-range');
  }
  const mask = session.versionMask >>> 0;
  if ((sub.versionBits & ~mask) >>> 0 !== 0) return rejected('version-outside-mask');
  if (session.seen.has(sub.key)) return rejected('duplicate');

  const version = ((job.version & ~mask) | (sub.versionBits & mask)) >>> 0;
  const built = headerForShare(
    job,
    session.extranonce1,
    sub.extranonce2,
    sub.ntime,
    sub.nonce,
    version,
  );
  const hash = hashToBigInt(hasher.hashHeader(built.header));
  const difficulty = session.jobDifficulty;
  // A solution of the network target is a block even when the share difficulty is set above
  // the network's (as on regtest): it is checked first so that no block is ever thrown away.
  const isBlock = hash <= job.template.target;
  if (!isBlock && !hashMeetsDifficulty(hash, hasher.diff1Target, difficulty)) {
    return rejected('low-difficulty');
  }

  const solved: Solved = {
    key: sub.key,
    submission: sub,
    hash,
    difficulty,
    work: shareWork(hasher.diff1Target, difficulty),
    header: built.header,
    version,
  };
  if (isBlock) {
    return { kind: 'block', ...solved, coinbase: built.coinbase, blockHash: sha256d(built.header) };
  }
  return { kind: 'accepted', ...solved };
}

// Sessions keep one Difficulty object while it is in force, so the 256-bit division behind a
// share's work is done once per difficulty, not once per share. A memo of a pure function.
const workMemo = new WeakMap<Difficulty, { diff1: bigint; work: bigint }>();

function shareWork(diff1: bigint, difficulty: Difficulty): bigint {
  const hit = workMemo.get(difficulty);
  if (hit?.diff1 === diff1) return hit.work;
  const work = workOfTarget(targetFromDifficulty(diff1, difficulty));
  workMemo.set(difficulty, { diff1, work });
  return work;
}

function rejected(reason: RejectReason): ShareVerdict {
  return { kind: 'rejected', reason };
}
