export {
  startLitecoinRegtest,
  type AddressType,
  type RegtestNode,
  type StartRegtestOptions,
} from './regtest-node.js';
export { LITECOIND_CANDIDATES, findLitecoind, requireLitecoind } from './find-litecoind.js';
export {
  LITECOIND_INSTALL_HINT,
  REGTEST_ERROR_CODES,
  regtestError,
  type RegtestErrorCode,
} from './errors.js';
export {
  MWEB_ACTIVATION_HEIGHT,
  MWEB_SINK_WALLET,
  PEGIN_COIN_SATS,
  PEGIN_WALLET,
  fundPegIns,
  pegIn,
  prepareMwebActivation,
  type MwebChain,
} from './mweb.js';
export { freePorts } from './free-ports.js';
export { litecoindArgs, type DaemonArgsSpec, type DaemonPorts } from './daemon-args.js';
export {
  DaemonProcess,
  type DaemonExit,
  type SpawnDaemonOptions,
  type TerminateOutcome,
} from './daemon-process.js';
export { pollUntil, POLL_BACKOFF, type PollOptions, type PollResult } from './poll-until.js';
export {
  newRpcCredentials,
  newRpcSalt,
  rpcAuthValue,
  type RpcCredentials,
} from './rpc-credentials.js';
export {
  MEETS_TARGET,
  MISSES_TARGET,
  blockHashHex,
  grindNonce,
  scryptPowHash,
  solveJob,
  type GrindOptions,
  type Ground,
  type PowWanted,
  type SolveOptions,
  type SolvedJob,
} from './solve-block.js';
