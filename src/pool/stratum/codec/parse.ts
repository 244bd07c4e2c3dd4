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
import { BAD, isJsonObject, readId } from './fields.js';
import type { ParseResult } from './messages.js';
import { readRequest } from './request-params.js';

/**
 * One line from a miner to a typed request, or the error to answer it with. Never throws.
 * Leniencies, each seen in real miners: a missing id is read as null (some firmware omits
 * it); missing or null params are read as [] (extranonce.subscribe is sent bare); absent
 * optional params may also be null or ""; params past the defined ones are ignored. Extra
 * members such as `"jsonrpc":"2.0"` are ignored.
 */
export function parseStratumLine(text: string): ParseResult {
  const value = parseJson(text);
  if (value === BAD) return fail('invalid-json', NOT_JSON, null, undefined);
  if (!isJsonObject(value)) return fail('invalid-request', NOT_OBJECT, null, undefined);
  const id = readId(value.id);
  if (id === BAD) return fail('invalid-request', BAD_ID, null, undefined);
  const method = readMethod(value.method);
  if (method === BAD) return fail('invalid-request', BAD_METHOD, id, undefined);
  const params = readParams(value.params);
  if (params === BAD) return fail('invalid-request', BAD_PARAMS, id, method);
  const request = readRequest(method, id, params);
  if (request === undefined) return fail('unknown-method', `unknown method ${method}`, id, method);
  if (typeof request === 'string')
    return fail('invalid-params', `${method}: ${request}`, id, method);
  return { ok: true, request };
}
