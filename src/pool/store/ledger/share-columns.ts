import type { AcceptedShare } from '../../stratum/ports.js';
import { storeError } from '../store-errors.js';

const MAX_HASH = (1n << 256n) - 1n;

/** A share as it is written: every exact number as decimal text, the hash as 64 hex digits. */
export interface ShareRow {
  readonly network: string;
  readonly address: string;
  readonly worker: string;
  readonly sessionId: string;
  readonly jobId: string;
  readonly difficultyNum: string;
  readonly difficultyDen: string;
  readonly work: string;
  readonly hash: string;
  readonly timeMs: number;
  readonly verdict: 'accepted' | 'block';
}

/**
 * Checks what the database would refuse, per share, so one impossible share fails alone
 * instead of failing the whole batch it would have joined. Throws LEDGER_BAD_SHARE.
 */
export function shareRow(share: AcceptedShare): ShareRow {
  const bad = (why: string): never => {
    throw storeError('LEDGER_BAD_SHARE', why, { network: share.network, jobId: share.jobId });
  };
  if (share.work <= 0n) bad(`work must be > 0, got ${share.work}`);
  if (share.hash < 0n || share.hash > MAX_HASH) bad('hash is not a 256-bit number');
  if (share.difficulty.num <= 0n || share.difficulty.den <= 0n) bad('difficulty must be > 0');
  if (share.verdict !== 'accepted' && share.verdict !== 'block') bad('unknown verdict');
  if (!Number.isSafeInteger(share.timeMs)) bad(`timeMs ${share.timeMs}`);
  return {
    network: share.network,
    address: share.address,
    worker: share.worker,
    sessionId: share.sessionId,
    jobId: share.jobId,
    difficultyNum: share.difficulty.num.toString(),
    difficultyDen: share.difficulty.den.toString(),
    work: share.work.toString(),
    hash: share.hash.toString(16).padStart(64, '0'),
    timeMs: share.timeMs,
    verdict: share.verdict,
  };
}
