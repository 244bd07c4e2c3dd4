import { JsonNumber, parseExact } from './exact-json.js';
import type { HttpAnswer } from './http-post.js';
import { rpcError } from './rpc-errors.js';

/** One JSON-RPC answer: a result, or the daemon's error as a value. */
export type RpcReply =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly code: number; readonly message: string };

/**
 * Reads one answer envelope. Accepts both bitcoind's 1.0 style (`result` and `error` always
 * present) and 2.0 style (`error` or `result` omitted).
 */
export function toReply(envelope: unknown, id: number, method: string): RpcReply {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    throw bad(method, `no answer with id ${id}`);
  }
  const e = envelope as Record<string, unknown>;
  if (numberOf(e['id']) !== id) throw bad(method, `answer id ${String(e['id'])} is not ${id}`);
  const error = e['error'];
  if (error === null || error === undefined) {
    if (!('result' in e)) throw bad(method, 'answer has neither result nor error');
    return { ok: true, result: e['result'] };
  }
  if (typeof error !== 'object') throw bad(method, 'error is not an object');
  const code = numberOf((error as Record<string, unknown>)['code']);
  const message = (error as Record<string, unknown>)['message'];
  if (code === undefined || !Number.isInteger(code) || typeof message !== 'string') {
    throw bad(method, 'error lacks an integer code and a message');
  }
  return { ok: false, code, message };
}

/** A JSON-RPC body is an answer whatever the status (bitcoind sends errors as 404/500). */
export function readHttpAnswer(answer: HttpAnswer, method: string, exact: boolean): unknown {
  if (answer.status === 401) {
    throw rpcError('RPC_UNAUTHORIZED', `${method}: bad credentials (HTTP 401)`, { status: 401 });
  }
  let parsed: unknown;
  try {
    parsed = exact ? parseExact(answer.body) : JSON.parse(answer.body);
  } catch {
    parsed = undefined;
  }
  if (isEnvelope(parsed)) return parsed;
  if (answer.status !== 200) {
    throw rpcError('RPC_HTTP', `${method}: HTTP ${answer.status}`, {
      status: answer.status,
      body: answer.body.slice(0, 200),
    });
  }
  throw bad(method, 'an HTTP 200 body that is not JSON-RPC');
}

function isEnvelope(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(isEnvelope);
  return typeof v === 'object' && v !== null && ('result' in v || 'error' in v);
}

/** The id of one answer of a batch, as text (plain or exact-number parse). */
export function answerIdKey(answer: unknown): string {
  if (typeof answer !== 'object' || answer === null) return '';
  const id = (answer as Record<string, unknown>)['id'];
  return typeof id === 'object' && id !== null && 'text' in id ? String(id.text) : String(id);
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof JsonNumber) return Number(v.text);
  return undefined;
}

function bad(method: string, what: string): Error {
  return rpcError('RPC_BAD_RESPONSE', `${method}: ${what}`, { method });
}
