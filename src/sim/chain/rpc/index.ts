export { ChainRpcServer, type ChainRpcServerOptions, type RpcServerAuth } from './rpc-server.js';
export { RpcApp, type RpcAppOptions, type RpcHttpReply, type RpcHttpRequest } from './rpc-app.js';
export { BITCOIND_29, LITECOIND_0_21, dialectFor, type DaemonDialect } from './dialect.js';
export { DAEMON_METHODS, type RpcCall } from './dispatch.js';
export { CONTROL_METHOD_DOCS, CONTROL_METHODS } from './control-methods.js';
export { COOKIE_FILE_NAME, COOKIE_USER } from './cookie-file.js';
export {
  RPC_SERVER_ERROR_CODES,
  rpcServerError,
  type RpcServerErrorCode,
} from './rpc-server-errors.js';
export { RPC_CODE, type RpcOutcome } from './outcome.js';
export type { RpcContext, RpcMethod } from './method.js';
