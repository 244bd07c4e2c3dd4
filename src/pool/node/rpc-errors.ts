import { ChimeraError } from '../../errors.js';

/**
 * Every code the node layer throws, each with what it means to the caller. A daemon's
 * verdict on a block is a value (SubmitResult), never one of these.
 */
export const RPC_ERROR_CODES = {
  RPC_CONFIG: 'The client was configured wrongly (URL scheme, options). A bug in config.',
  RPC_UNREACHABLE:
    'No HTTP answer: connection refused or reset, or the cookie file is missing (daemon down).',
  RPC_TIMEOUT:
    'No answer within the per-call timeout; for a non-idempotent call the outcome is unknown.',
  RPC_ABORTED: "The caller's AbortSignal fired, or the client was closed, before an answer.",
  RPC_UNAUTHORIZED: 'HTTP 401: bad credentials (user/password or cookie).',
  RPC_HTTP: 'Any other HTTP status whose body is not a JSON-RPC answer (403, 503 work queue, ...).',
  RPC_ERROR: 'The daemon answered with a JSON-RPC error; details carry its code and message.',
  RPC_BAD_RESPONSE: 'The answer is not JSON-RPC, or its result has the wrong shape.',
  NODE_UNAVAILABLE: 'Failover: no daemon of the network answered; details list each failure.',
} as const;

export type RpcErrorCode = keyof typeof RPC_ERROR_CODES;

export function rpcError(
  code: RpcErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}

/** The daemon's own error code of an RPC_ERROR, else undefined. */
export function daemonErrorCode(err: unknown): number | undefined {
  if (!(err instanceof ChimeraError) || err.code !== 'RPC_ERROR') return undefined;
  const code = err.details?.['rpcCode'];
  return typeof code === 'number' ? code : undefined;
}

/** bitcoind's RPC_IN_WARMUP: the daemon is up but cannot serve anything yet. */
const RPC_IN_WARMUP = -28;

const NODE_DOWN_CODES: ReadonlySet<string> = new Set([
  'RPC_UNREACHABLE',
  'RPC_TIMEOUT',
  'RPC_UNAUTHORIZED',
  'RPC_HTTP',
  'RPC_BAD_RESPONSE',
]);

/**
 * Whether an error says the daemon itself is unusable (so another daemon should be tried),
 * as opposed to the daemon answering "no" to this particular request.
 */
export function isNodeFailure(err: unknown): boolean {
  if (!(err instanceof ChimeraError)) return false;
  return NODE_DOWN_CODES.has(err.code) || daemonErrorCode(err) === RPC_IN_WARMUP;
}
