import { ChimeraError } from '../errors.js';

export const API_ERROR_CODES = {
  API_CONFIG:
    'The API cannot start with this configuration (e.g. a JWT secret shorter than 32 bytes).',
  OPERATOR_EXISTS: 'An operator account with that username already exists.',
  OPERATOR_INVALID:
    'An operator account was described wrongly: a username outside [a-z0-9._-] (2-64 characters) or a password shorter than 12 characters.',
} as const;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export function apiError(
  code: ApiErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): ChimeraError {
  return new ChimeraError(code, message, details);
}
