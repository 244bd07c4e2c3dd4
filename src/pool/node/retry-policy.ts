import { ChimeraError } from '../../errors.js';

/**
 * Whether a failed attempt may be tried again. A call that must not run twice is retried
 * only when the daemon cannot have run it: the request never left, or a 503 refused it.
 */
export function isRetryable(err: unknown, idempotent: boolean): boolean {
  if (!(err instanceof ChimeraError)) return false;
  switch (err.code) {
    case 'RPC_UNREACHABLE':
      return idempotent || err.details?.['requestSent'] === false;
    case 'RPC_TIMEOUT':
      return idempotent;
    case 'RPC_HTTP': {
      const status = Number(err.details?.['status']);
      // 503 is bitcoind's "work queue depth exceeded": the call was never run.
      return status === 503 || (idempotent && status >= 500);
    }
    default:
      return false;
  }
}

/** The same error with more details (attempts, method, endpoint) for whoever logs it. */
export function withDetails(err: unknown, extra: Readonly<Record<string, unknown>>): unknown {
  if (!(err instanceof ChimeraError)) return err;
  const prefix = `${err.code}: `;
  const message = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
  return new ChimeraError(err.code, message, { ...err.details, ...extra });
}
