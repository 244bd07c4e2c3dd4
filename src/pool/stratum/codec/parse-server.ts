import {
  BAD_ID,
  BAD_METHOD,
  BAD_PARAMS,
  NOT_JSON,
  NOT_OBJECT,
  fail,
  parseJson,
  readMethod,
  readParams,
} from './envelope.js';
import { STRATUM_ERRORS } from './error-codes.js';
import { BAD, isArray, isJsonObject, readId } from './fields.js';
import type { RpcError, ServerParseResult } from './messages.js';
import { readNotification } from './notification-params.js';

/**
 * One line from a pool (what our virtual miners read): a response to one of their requests,
 * a typed notification, or an error value. Never throws. A line with a `method` is a
 * notification (or a request from the server when its id is not null); otherwise it must
 * carry `result` or `error`.
 */
export function parseServerLine(text: string): ServerParseResult {
  const value = parseJson(text);
  if (value === BAD) return fail('invalid-json', NOT_JSON, null, undefined);
  if (!isJsonObject(value)) return fail('invalid-request', NOT_OBJECT, null, undefined);
  const id = readId(value.id);
  if (id === BAD) return fail('invalid-request', BAD_ID, null, undefined);
  if (value.method !== undefined && value.method !== null) {
    const method = readMethod(value.method);
    if (method === BAD) return fail('invalid-request', BAD_METHOD, id, undefined);
    const params = readParams(value.params);
    if (params === BAD) return fail('invalid-request', BAD_PARAMS, id, method);
    const message = readNotification(method, id, params);
    if (typeof message === 'string') {
      return fail('invalid-params', `${method}: ${message}`, id, method);
    }
    return { ok: true, message };
  }
  if (!('result' in value) && !('error' in value)) {
    return fail('invalid-request', 'expected a method, a result or an error', id, undefined);
  }
  const result = value.result === undefined ? null : value.result;
  return { ok: true, message: { kind: 'response', id, result, error: readRpcError(value.error) } };
}

const UNREADABLE_ERROR: RpcError = {
  code: STRATUM_ERRORS.other.code,
  message: 'unreadable error',
};

/**
 * Stratum sends `[code, message, traceback]`; some pools send JSON-RPC 2.0's
 * `{code, message}`, a bare string, or `false` for "no error". Anything else that is not
 * null still means the request failed, so it becomes code 20.
 */
function readRpcError(v: unknown): RpcError | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (typeof v === 'string') return { code: STRATUM_ERRORS.other.code, message: v };
  let code: unknown;
  let message: unknown;
  if (isArray(v)) {
    code = v[0];
    message = v[1];
  } else if (isJsonObject(v)) {
    code = v.code;
    message = v.message;
  } else {
    return UNREADABLE_ERROR;
  }
  if (typeof code !== 'number' || !Number.isInteger(code)) return UNREADABLE_ERROR;
  return { code, message: typeof message === 'string' ? message : '' };
}
