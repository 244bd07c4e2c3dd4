import type { ExactJson } from '../../../pool/node/exact-json.js';

/** What one JSON-RPC call comes to. A daemon's refusal is a value here, never a throw. */
export type RpcOutcome =
  | {
      readonly kind: 'result';
      readonly result: ExactJson;
      /** Runs once the answer is on its way (a fault that would cut the answer's own connection). */
      readonly afterReply?: () => void;
    }
  | { readonly kind: 'error'; readonly code: number; readonly message: string }
  /** Nobody is left to answer: the client went away or an outage cut its connection. */
  | { readonly kind: 'dropped' };

export type RpcFailure = Extract<RpcOutcome, { kind: 'error' }>;

/** bitcoind's RPCErrorCode values the simulator answers with. */
export const RPC_CODE = {
  MISC_ERROR: -1,
  TYPE_ERROR: -3,
  INVALID_ADDRESS_OR_KEY: -5,
  INVALID_PARAMETER: -8,
  CLIENT_NOT_CONNECTED: -9,
  WALLET_NOT_FOUND: -18,
  DESERIALIZATION_ERROR: -22,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  PARSE_ERROR: -32700,
} as const;

export function result(value: ExactJson, afterReply?: () => void): RpcOutcome {
  return afterReply === undefined
    ? { kind: 'result', result: value }
    : { kind: 'result', result: value, afterReply };
}

export function failure(code: number, message: string): RpcFailure {
  return { kind: 'error', code, message };
}

export const DROPPED: RpcOutcome = { kind: 'dropped' };

/** What a wait cut short answers: -9 while the daemon shuts down (as bitcoind), else nothing. */
export function interrupted(closing: boolean): RpcOutcome {
  return closing ? failure(RPC_CODE.CLIENT_NOT_CONNECTED, 'Shutting down') : DROPPED;
}
