import { ChimeraError } from '../../../errors.js';

/**
 * Every code the simulator's RPC server throws, with what it means. All are unusable
 * configuration or bugs: what a caller asked wrongly is a JSON-RPC error answer, never these.
 */
export const RPC_SERVER_ERROR_CODES = {
  SIM_RPC_CONFIG:
    'The RPC server was configured wrongly (empty user name, a port outside 0..65535, no cookie directory).',
  SIM_RPC_LISTEN:
    'The RPC server could not listen where it was told (address in use, not permitted).',
  SIM_RPC_COOKIE: 'The cookie file could not be written to its directory.',
  SIM_RPC_CORRUPT_BLOCK:
    'A block the simulator stored does not decode: its block store is corrupt.',
} as const;

export type RpcServerErrorCode = keyof typeof RPC_SERVER_ERROR_CODES;

export function rpcServerError(
  code: RpcServerErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}
