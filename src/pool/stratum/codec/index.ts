export { LineSplitter, DEFAULT_MAX_LINE_BYTES, type SplitEvent } from './line-splitter.js';
export { parseStratumLine } from './parse.js';
export { parseServerLine } from './parse-server.js';
export {
  readSubscribeResult,
  readConfigureResult,
  type SubscribeResult,
  type ConfigureResult,
  type ExtensionResult,
} from './client-results.js';
export {
  encodeResult,
  encodeError,
  encodeSubscribeResult,
  encodeConfigureResult,
  encodeSetDifficulty,
  encodeNotify,
  encodeSetExtranonce,
  encodeSetVersionMask,
  encodeReconnect,
  encodeShowMessage,
  type JsonValue,
  type JsonObject,
  type SubscribeAnswer,
  type ReconnectTarget,
} from './encode.js';
export {
  encodeSubscribeRequest,
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeSubmitRequest,
  encodeSuggestDifficultyRequest,
  encodeSuggestTargetRequest,
  encodeExtranonceSubscribeRequest,
  encodeGetTransactionsRequest,
  encodeMultiVersionRequest,
  type ConfigureOptions,
} from './encode-requests.js';
export {
  STRATUM_ERRORS,
  type StratumError,
  type StratumErrorName,
  type StratumErrorCode,
  type ProtocolErrorCode,
} from './error-codes.js';
export { STRATUM_LIMITS } from './limits.js';
export { MAX_EXTRANONCE2_SIZE } from './notification-params.js';
export type * from './messages.js';
