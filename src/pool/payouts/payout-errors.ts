import { ChimeraError } from '../../errors.js';

/**
 * Codes the payout services throw. Both are bugs or wiring faults: a node that is down, a
 * block that left the chain or a payout the daemon refused are outcomes (values), never these.
 */
export const PAYOUT_SERVICE_ERROR_CODES = {
  PAYOUTS_CONFIG:
    'A payout service was configured or wired wrongly: a maturity depth below 1, a negative wait, a block or plan of another network.',
  PAYOUTS_BOOKS_STATE:
    'The books answered what cannot happen at this step (a block just recorded is missing, a payout sent for a cancelled plan): a bug, or a second writer the service does not expect.',
} as const;

export type PayoutServiceErrorCode = keyof typeof PAYOUT_SERVICE_ERROR_CODES;

export function payoutsError(
  code: PayoutServiceErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}

/** What a log line or a report says of a failure: its stable code and its message. */
export interface FailureNote {
  readonly code: string;
  readonly message: string;
}

export function failureNote(err: unknown): FailureNote {
  if (err instanceof ChimeraError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: err.name, message: err.message };
  return { code: 'UNKNOWN', message: String(err) };
}
