/**
 * Why a share was refused, and the one table that maps each reason to the Stratum error a
 * miner is sent. Codes follow the de-facto Stratum v1 table (20 other, 21 job not found,
 * 22 duplicate, 23 low difficulty, 24 unauthorized worker, 25 not subscribed).
 */
export const REJECT_REASONS = [
  'unknown-job',
  'stale-job',
  'duplicate',
  'low-difficulty',
  'ntime-out-of-range',
  'bad-extranonce2-size',
  'malformed-extranonce2',
  'malformed-ntime',
  'malformed-nonce',
  'malformed-version',
  'version-outside-mask',
  'unauthorized-worker',
  'not-subscribed',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

export interface StratumError {
  readonly code: number;
  readonly message: string;
}

export const STRATUM_ERROR_FOR: Readonly<Record<RejectReason, StratumError>> = {
  'unknown-job': { code: 21, message: 'Job not found' },
  'stale-job': { code: 21, message: 'Stale share: job not current' },
  duplicate: { code: 22, message: 'Duplicate share' },
  'low-difficulty': { code: 23, message: 'Low difficulty share' },
  'ntime-out-of-range': { code: 20, message: 'ntime out of range' },
  'bad-extranonce2-size': { code: 20, message: 'Incorrect extranonce2 size' },
  'malformed-extranonce2': { code: 20, message: 'Malformed extranonce2: expected hex' },
  'malformed-ntime': { code: 20, message: 'Malformed ntime: expected 8 hex characters' },
  'malformed-nonce': { code: 20, message: 'Malformed nonce: expected 8 hex characters' },
  'malformed-version': { code: 20, message: 'Malformed version bits: expected 8 hex characters' },
  'version-outside-mask': { code: 20, message: 'Version bits outside the negotiated mask' },
  'unauthorized-worker': { code: 24, message: 'Unauthorized worker' },
  'not-subscribed': { code: 25, message: 'Not subscribed' },
};

/** The Stratum error a miner is sent for a refused share. */
export function stratumErrorFor(reason: RejectReason): StratumError {
  return STRATUM_ERROR_FOR[reason];
}
