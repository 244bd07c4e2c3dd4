export type {
  BestBlock,
  BlockInfo,
  ChainInfo,
  ChainNode,
  SubmitResult,
  TemplateRequest,
} from './chain-node.js';
export { coinTextToSats, satsToCoinText, COIN_DECIMALS } from './coin-amount.js';
export { JsonNumber, parseExact, stringifyExact, type ExactJson } from './exact-json.js';
export { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
export {
  JsonRpcClient,
  type JsonRpcClientOptions,
  type RpcCall,
  type RpcCallOptions,
  type RpcReply,
} from './json-rpc-client.js';
export {
  RPC_ERROR_CODES,
  daemonErrorCode,
  isNodeFailure,
  type RpcErrorCode,
} from './rpc-errors.js';
export { RpcChainNode, TEMPLATE_RULES, type RpcChainNodeOptions } from './rpc-chain-node.js';
export {
  FailoverChainNode,
  type FailoverChainNodeOptions,
  type FailoverMember,
  type FailoverSubmitResult,
  type HealthChange,
  type NodeSubmitAnswer,
} from './failover-chain-node.js';
export {
  TemplateWatcher,
  type TemplateEvent,
  type TemplateWatcherOptions,
} from './template-watcher.js';
