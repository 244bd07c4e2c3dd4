import type { ExactJson } from '../../../pool/node/exact-json.js';
import type { DaemonDialect } from './dialect.js';
import type { RpcCall } from './dispatch.js';
import { failure, RPC_CODE, type RpcFailure, type RpcOutcome } from './outcome.js';
import { isRecord } from './params.js';

/** 'legacy': bitcoind's 1.0/1.1 answers; 'v2': strict JSON-RPC 2.0 (Bitcoin Core 28+ only). */
export type JsonRpcVersion = 'legacy' | 'v2';

export interface RequestHead {
  /** Undefined when the request has no "id" key. */
  readonly id: ExactJson | undefined;
  readonly version: JsonRpcVersion;
}

export type RequestParse =
  | { readonly ok: true; readonly head: RequestHead; readonly call: RpcCall }
  | { readonly ok: false; readonly head: RequestHead; readonly error: RpcFailure };

/** An answer that is sent: a result or an error. */
export type Answer = Exclude<RpcOutcome, { kind: 'dropped' }>;

/** JSONRPCRequest::parse: the id first (so later errors carry it), the version, method, params. */
export function parseRequest(value: unknown, dialect: DaemonDialect): RequestParse {
  const legacy: RequestHead = { id: null, version: 'legacy' };
  if (!isRecord(value)) return refuse(legacy, 'Invalid Request object');
  const id = 'id' in value ? (value['id'] as ExactJson) : undefined;
  let head: RequestHead = { id, version: 'legacy' };
  const jsonrpc = value['jsonrpc'];
  if (dialect.strictJsonRpc2 && jsonrpc !== undefined && jsonrpc !== null) {
    if (typeof jsonrpc !== 'string') return refuse(head, 'jsonrpc field must be a string');
    // Some old documentation put "jsonrpc":"1.0" in requests; it stays the legacy protocol.
    if (jsonrpc === '2.0') head = { id, version: 'v2' };
    else if (jsonrpc !== '1.0') return refuse(head, 'JSON-RPC version not supported');
  }
  const method = value['method'];
  if (method === undefined || method === null) return refuse(head, 'Missing method');
  if (typeof method !== 'string') return refuse(head, 'Method must be a string');
  const params = value['params'];
  if (params === undefined || params === null)
    return { ok: true, head, call: { method, params: [] } };
  if (!Array.isArray(params) && !isRecord(params)) {
    return refuse(head, 'Params must be an array or object');
  }
  return { ok: true, head, call: { method, params: params as RpcCall['params'] } };
}

/** A 2.0 request without an id: executed, never answered (Bitcoin Core 28+). */
export function isNotification(head: RequestHead): boolean {
  return head.version === 'v2' && head.id === undefined;
}

/** The answer object: legacy carries result and error (one null), v2 only the one that applies. */
export function replyObject(answer: Answer, head: RequestHead, dialect: DaemonDialect): ExactJson {
  const error =
    answer.kind === 'error' ? { code: answer.code, message: answer.message } : undefined;
  const body: Record<string, ExactJson> = {};
  if (head.version === 'v2') {
    body['jsonrpc'] = '2.0';
    if (error === undefined) body['result'] = answer.kind === 'result' ? answer.result : null;
    else body['error'] = error;
  } else {
    body['result'] = answer.kind === 'result' ? answer.result : null;
    body['error'] = error ?? null;
  }
  // litecoind 0.21 always writes an id (null when there was none); Core 28+ omits it.
  if (head.id !== undefined) body['id'] = head.id;
  else if (!dialect.strictJsonRpc2) body['id'] = null;
  return body;
}

/** HTTP status of a single call's answer: JSONErrorReply's mapping, or 200 for v2. */
export function answerStatus(answer: Answer, head: RequestHead): number {
  if (answer.kind === 'result' || head.version === 'v2') return 200;
  if (answer.code === RPC_CODE.INVALID_REQUEST) return 400;
  if (answer.code === RPC_CODE.METHOD_NOT_FOUND) return 404;
  return 500;
}

function refuse(head: RequestHead, message: string): RequestParse {
  return { ok: false, head, error: failure(RPC_CODE.INVALID_REQUEST, message) };
}
