import { RPC_ERROR_CODES } from './pool/node/rpc-errors.js';
import { REGTEST_ERROR_CODES } from './regtest/errors.js';
import { SIM_ERROR_CODES } from './sim/chain/sim-errors.js';
import { RUN_ERROR_CODES } from './scenarios/run/run-errors.js';
import { STORE_ERROR_CODES } from './pool/store/store-errors.js';
import { PAYOUT_SERVICE_ERROR_CODES } from './pool/payouts/payout-errors.js';
import { RPC_SERVER_ERROR_CODES } from './sim/chain/rpc/rpc-server-errors.js';
import { API_ERROR_CODES } from './api/api-errors.js';

/** Codes thrown by parts without a table of their own. */
const GENERAL_ERROR_CODES = {
  CLI_USAGE_INVALID: 'A command was given missing, unknown or malformed arguments (exit code 2).',
  SCENARIO_INVALID:
    'A scenario file does not validate; every error is printed as file:line:col: path: message (exit code 2).',
  POOL_CONFIG:
    'The pool cannot start with this configuration (e.g. the payout address is not the coin’s).',
  UNKNOWN_ALGORITHM: 'No proof-of-work algorithm with that id is registered.',
  BUILTIN_ALGORITHM_REJECTED:
    'A built-in algorithm failed its own known-answer vectors: a broken build.',
  ADDRESS_NO_FORM: 'A scriptPubKey has no address form for the network (it cannot be encoded).',
  COINBASE_SPEC:
    'A coinbase cannot be built as asked: payouts do not sum to the coinbase value, or the scriptSig would leave 2..100 bytes.',
  STRATUM_CONFIG_INVALID:
    'The Stratum settings do not validate; the message names every bad field.',
  STRATUM_ENCODE_INVALID:
    'A value JSON cannot carry unchanged was passed to a Stratum encoder (a caller bug).',
  STRATUM_EXTRANONCE_SIZE: 'extranonce1 must be 1..8 bytes.',
  STRATUM_JOB_EXTRANONCE_MISMATCH:
    'A job was built for other extranonce sizes than the server hands out: jobs and server disagree.',
  STRATUM_LINE_LIMIT: 'The maximum line length is outside what the codec supports.',
  FARM_SPEC_INVALID:
    'A farm was described wrongly (unknown profile or behaviour, count out of range, a profile that cannot mine the coin).',
  FARM_WORKER_FAILED:
    'A farm worker thread exited or threw; the farm stops and reports what it had.',
  TSX_LOADER_MISSING:
    'A worker thread could not load TypeScript: the tsx loader is not installed (run npm ci).',
  STRATUM_SERVER_CLOSED: 'A connection was handed to a Stratum server that is shutting down.',
  STRATUM_NETWORK_EXISTS: 'A network was added to a Stratum server that serves it already.',
  STRATUM_NETWORK_UNKNOWN:
    'A switch or default names a network the Stratum server was never given (addNetwork).',
  CLI_CONTROL_UNREACHABLE:
    "`chimera switch` could not reach the pool's control socket (not started with --control, or another path).",
  NETWORK_SWITCH_REFUSED:
    'A network switch was refused before any miner moved: unknown network, already there, a switch under way, or the target daemon failed its check.',
} as const;

/**
 * Every stable error code the project throws, with what it means to the person who sees it.
 * `chimera errors` prints this; a test fails when code throws a code that is not here.
 */
export const ERROR_CATALOGUE: Readonly<Record<string, string>> = Object.freeze({
  ...GENERAL_ERROR_CODES,
  ...RPC_ERROR_CODES,
  ...SIM_ERROR_CODES,
  ...RPC_SERVER_ERROR_CODES,
  ...REGTEST_ERROR_CODES,
  ...RUN_ERROR_CODES,
  ...STORE_ERROR_CODES,
  ...PAYOUT_SERVICE_ERROR_CODES,
  ...API_ERROR_CODES,
});
