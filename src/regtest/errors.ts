import { ChimeraError } from '../errors.js';

/** Every code the regtest harness throws, each with what it means to the caller. */
export const REGTEST_ERROR_CODES = {
  REGTEST_DAEMON_MISSING:
    'No litecoind binary was found (or the one named does not exist): install it with apt.',
  REGTEST_START_FAILED:
    'A daemon exited or could not be spawned during start-up; the message carries its log tail.',
  REGTEST_TIMEOUT: 'A daemon did not reach a state in time (RPC ready, peer connected).',
  REGTEST_MWEB_STATE: 'An MWEB helper was called on a chain where it cannot work.',
  REGTEST_NO_SOLUTION:
    'No nonce in the range searched gave a proof-of-work hash that was asked for.',
  REGTEST_CLOSED: 'The regtest node was used after close().',
} as const;

export type RegtestErrorCode = keyof typeof REGTEST_ERROR_CODES;

export function regtestError(
  code: RegtestErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}

/** The apt line every "litecoind is missing" message carries. */
export const LITECOIND_INSTALL_HINT =
  'install it with: apt-get update && apt-get install -y litecoind';
