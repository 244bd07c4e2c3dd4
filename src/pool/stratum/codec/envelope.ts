import { STRATUM_ERRORS } from './error-codes.js';
import type { ProtocolErrorCode } from './error-codes.js';
import { BAD, NO_PARAMS, isArray } from './fields.js';
import type { Bad } from './fields.js';
import { STRATUM_LIMITS as L } from './limits.js';
import type { ParseError, ParseErrorReason, RequestId } from './messages.js';

/** The JSON-RPC envelope checks both directions share: method, params, the failure value. */

const CODE_FOR: Readonly<Record<ParseErrorReason, ProtocolErrorCode>> = {
  'invalid-json': STRATUM_ERRORS.parseError.code,
  'invalid-request': STRATUM_ERRORS.invalidRequest.code,
  'unknown-method': STRATUM_ERRORS.methodNotFound.code,
  'invalid-params': STRATUM_ERRORS.invalidParams.code,
};

export const NOT_JSON = 'the line is not JSON';
export const NOT_OBJECT = 'expected a JSON object';
export const BAD_ID = `id must be a number, null, or a string of at most ${L.idChars} characters`;
export const BAD_METHOD = `method must be a non-empty string of at most ${L.methodChars} characters`;
export const BAD_PARAMS = 'params must be an array';

/** JSON.parse, with its SyntaxError turned into BAD (the only throw a line can cause). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return BAD;
  }
}

export function readMethod(v: unknown): string | Bad {
  return typeof v === 'string' && v.length > 0 && v.length <= L.methodChars ? v : BAD;
}

/** Missing or null params read as [] (extranonce.subscribe is often sent without them). */
export function readParams(v: unknown): readonly unknown[] | Bad {
  if (v === undefined || v === null) return NO_PARAMS;
  return isArray(v) ? v : BAD;
}

export function fail(
  reason: ParseErrorReason,
  message: string,
  id: RequestId,
  method: string | undefined,
): { readonly ok: false; readonly error: ParseError } {
  return { ok: false, error: { reason, code: CODE_FOR[reason], message, id, method } };
}
