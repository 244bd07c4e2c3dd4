/**
 * The error codes a Stratum v1 server answers with, in one table. Codes 20..25 are the
 * de-facto Stratum table every miner logs; the negative codes are JSON-RPC's, used when the
 * line itself is at fault rather than the share or the session.
 */
export interface StratumError {
  readonly code: number;
  readonly message: string;
}

interface DocumentedError extends StratumError {
  /** When the pool sends it: keeps the table honest (a test fails on an empty one). */
  readonly description: string;
}

export const STRATUM_ERRORS = {
  other: {
    code: 20,
    message: 'Other/Unknown',
    description: 'Any refusal without a code of its own (malformed share fields, bad ntime).',
  },
  jobNotFound: {
    code: 21,
    message: 'Job not found',
    description: 'The job id is unknown or no longer current: a stale share.',
  },
  duplicateShare: {
    code: 22,
    message: 'Duplicate share',
    description: 'The same solution was already submitted for this job.',
  },
  lowDifficultyShare: {
    code: 23,
    message: 'Low difficulty share',
    description: 'The share hash does not meet the target the session set.',
  },
  unauthorizedWorker: {
    code: 24,
    message: 'Unauthorized worker',
    description: 'The worker never authorized, or its authorization was refused.',
  },
  notSubscribed: {
    code: 25,
    message: 'Not subscribed',
    description: 'A request that needs mining.subscribe first arrived before it.',
  },
  parseError: {
    code: -32700,
    message: 'Parse error',
    description: 'The line is not JSON.',
  },
  invalidRequest: {
    code: -32600,
    message: 'Invalid request',
    description: 'JSON, but not a request object (bad id, method or params container).',
  },
  methodNotFound: {
    code: -32601,
    message: 'Method not found',
    description: 'A well-formed request for a method the pool does not implement.',
  },
  invalidParams: {
    code: -32602,
    message: 'Invalid params',
    description: 'A known method whose params have the wrong count, type or size.',
  },
} as const satisfies Readonly<Record<string, DocumentedError>>;

export type StratumErrorName = keyof typeof STRATUM_ERRORS;
export type StratumErrorCode = (typeof STRATUM_ERRORS)[StratumErrorName]['code'];

/** The JSON-RPC codes a line that fails to parse is answered with. */
export type ProtocolErrorCode =
  | typeof STRATUM_ERRORS.parseError.code
  | typeof STRATUM_ERRORS.invalidRequest.code
  | typeof STRATUM_ERRORS.methodNotFound.code
  | typeof STRATUM_ERRORS.invalidParams.code;
