import { createHash } from 'node:crypto';
import type { NotifyFields } from '../../../pool/stratum/codec/index.js';
import { bitsToTarget } from '../../../pool/core/difficulty/index.js';

/**
 * One mining.notify as a miner holds it: the text decoded once. Built from the notify strings
 * alone, as cpuminer and cgminer do, never from the pool's job objects: a virtual miner must
 * be able to mine on any Stratum v1 pool, and a pool bug in building work must show up as
 * rejected shares here rather than be reproduced.
 */
export interface MinerJob {
  readonly jobId: string;
  readonly notify: NotifyFields;
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
  readonly merkleBranch: readonly Buffer[];
  /** Header version from the notify (before any rolled bits). */
  readonly version: number;
  /** prevhash as it goes into the header: the notify text with each 32-bit word byte-swapped. */
  readonly prevHash: Buffer;
  readonly nbits: number;
  readonly ntime: number;
  /** What the notify's nbits demand: a hash at or below it is a block. */
  readonly networkTarget: bigint;
  readonly cleanJobs: boolean;
  /** Scenario time the miner received it. */
  readonly receivedAtMs: number;
}

export function minerJobFrom(notify: NotifyFields, receivedAtMs: number): MinerJob {
  const nbits = parseInt(notify.nbits, 16) >>> 0;
  return {
    jobId: notify.jobId,
    notify,
    coinb1: Buffer.from(notify.coinb1, 'hex'),
    coinb2: Buffer.from(notify.coinb2, 'hex'),
    merkleBranch: notify.merkleBranch.map((h) => Buffer.from(h, 'hex')),
    version: parseInt(notify.version, 16) >>> 0,
    prevHash: Buffer.from(notify.prevHash, 'hex').swap32(),
    nbits,
    ntime: parseInt(notify.ntime, 16) >>> 0,
    networkTarget: networkTargetOf(nbits),
    cleanJobs: notify.cleanJobs,
    receivedAtMs,
  };
}

/** A pool may send bits no daemon would; such a job can never make a block. */
function networkTargetOf(nbits: number): bigint {
  try {
    return bitsToTarget(nbits);
  } catch {
    return 0n;
  }
}

function sha256d(data: Uint8Array): Buffer {
  return createHash('sha256').update(createHash('sha256').update(data).digest()).digest();
}

/**
 * The 80-byte header for one extranonce2, with nonce 0: coinbase = coinb1 + extranonce1 +
 * extranonce2 + coinb2, the merkle root folded from its sha256d up the branch, then version,
 * prevhash, root, ntime, nbits and nonce, each 32-bit field little-endian.
 */
export function headerFor(
  job: MinerJob,
  extranonce1: Buffer,
  extranonce2: Buffer,
  ntime: number,
  version: number,
): Buffer {
  const coinbase = Buffer.concat([job.coinb1, extranonce1, extranonce2, job.coinb2]);
  let root = sha256d(coinbase);
  for (const step of job.merkleBranch) root = sha256d(Buffer.concat([root, step]));
  const header = Buffer.alloc(80);
  header.writeUInt32LE(version >>> 0, 0);
  job.prevHash.copy(header, 4);
  root.copy(header, 36);
  header.writeUInt32LE(ntime >>> 0, 68);
  header.writeUInt32LE(job.nbits, 72);
  return header;
}
