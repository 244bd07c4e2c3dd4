import { scryptSync } from 'node:crypto';
import { toDisplayHex, hashToBigInt } from '../pool/core/bytes.js';
import { sha256d } from '../pool/core/hash.js';
import {
  blockForShare,
  headerForShare,
  type ShareHeader,
  type StratumJob,
} from '../pool/core/block/index.js';
import { regtestError } from './errors.js';

/** Litecoin's proof of work: scrypt(header, salt = header, N=1024, r=1, p=1), little-endian. */
export function scryptPowHash(header: Buffer): bigint {
  return hashToBigInt(scryptSync(header, header, 32, { N: 1024, r: 1, p: 1 }));
}

/** The block id as RPC shows it: sha256d of the header, byte-reversed. */
export function blockHashHex(header: Buffer): string {
  return toDisplayHex(sha256d(header));
}

/** Decides whether a proof-of-work hash is the one wanted, given the block's target. */
export type PowWanted = (powHash: bigint, target: bigint) => boolean;

/** A hash that meets the target: a block. */
export const MEETS_TARGET: PowWanted = (h, t) => h <= t;
/** A hash above the target: what a daemon answers `high-hash` to. */
export const MISSES_TARGET: PowWanted = (h, t) => h > t;

export interface GrindOptions {
  readonly wanted?: PowWanted;
  readonly startNonce?: number;
  /** Default 100,000: at regtest difficulty about every second nonce is a block. */
  readonly maxNonces?: number;
}

export interface Ground {
  readonly header: Buffer;
  readonly nonce: number;
  readonly powHash: bigint;
}

/**
 * Tries nonces in an 80-byte header until its proof-of-work hash is the one wanted, against
 * the target of the header's own bits. Returns a new header; throws REGTEST_NO_SOLUTION when
 * the range runs out.
 */
export function grindNonce(header: Buffer, target: bigint, opts: GrindOptions = {}): Ground {
  const wanted = opts.wanted ?? MEETS_TARGET;
  const start = opts.startNonce ?? 0;
  const max = opts.maxNonces ?? 100_000;
  const candidate = Buffer.from(header);
  for (let i = 0; i < max; i++) {
    const nonce = (start + i) >>> 0;
    candidate.writeUInt32LE(nonce, 76);
    const powHash = scryptPowHash(candidate);
    if (wanted(powHash, target)) return { header: candidate, nonce, powHash };
  }
  throw regtestError('REGTEST_NO_SOLUTION', `no wanted hash in ${max} nonces from ${start}`, {
    start,
    max,
  });
}

export interface SolveOptions extends GrindOptions {
  readonly extranonce1: Buffer;
  readonly extranonce2: Buffer;
  /** Default: the job's ntime. */
  readonly ntime?: number;
  /** Final header version (rolled bits applied). Default: the job's version. */
  readonly version?: number;
}

/** A job solved the way a miner solves it, and the block the pool would submit for it. */
export interface SolvedJob {
  readonly share: ShareHeader;
  readonly nonce: number;
  readonly powHash: bigint;
  readonly block: Buffer;
  readonly blockHex: string;
  /** Display order, as getbestblockhash shows it. */
  readonly blockHash: string;
}

/**
 * Mines a pool job: the pool's own header and block assembly (headerForShare, blockForShare)
 * with a nonce ground until the hash is wanted (by default: meets the template's target).
 */
export function solveJob(job: StratumJob, opts: SolveOptions): SolvedJob {
  const first = headerForShare(
    job,
    opts.extranonce1,
    opts.extranonce2,
    opts.ntime ?? job.ntime,
    opts.startNonce ?? 0,
    opts.version ?? job.version,
  );
  const ground = grindNonce(first.header, job.template.target, opts);
  const share: ShareHeader = { ...first, header: ground.header };
  const block = blockForShare(job, share);
  return {
    share,
    nonce: ground.nonce,
    powHash: ground.powHash,
    block,
    blockHex: block.toString('hex'),
    blockHash: blockHashHex(ground.header),
  };
}
