import { STRATUM_LIMITS } from './limits.js';
import type { RequestId } from './messages.js';

/** Returned by the readers below when a value is present but wrong. */
export const BAD: unique symbol = Symbol('bad');
export type Bad = typeof BAD;

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isArray(v: unknown): v is readonly unknown[] {
  return Array.isArray(v);
}

export function isText(v: unknown, maxChars: number): v is string {
  return typeof v === 'string' && v.length <= maxChars;
}

/** Absent, `null` and `""` all mean "not given": miners use each of them. */
export function optionalText(v: unknown, maxChars: number): string | undefined | Bad {
  if (v === undefined || v === null || v === '') return undefined;
  return isText(v, maxChars) ? v : BAD;
}

export function readId(v: unknown): RequestId | Bad {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : BAD;
  return isText(v, STRATUM_LIMITS.idChars) ? v : BAD;
}

/** A whole number in [min, max]; decimal text too where `allowText` (some peers quote it). */
export function readInt(v: unknown, min: number, max: number, allowText = false): number | Bad {
  let n = v;
  if (allowText && typeof v === 'string' && v.length > 0 && v.length <= 10 && isDigits(v)) {
    n = Number(v);
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return BAD;
  return n;
}

export function optionalInt(
  v: unknown,
  min: number,
  max: number,
  allowText = false,
): number | undefined | Bad {
  if (v === undefined || v === null || v === '') return undefined;
  return readInt(v, min, max, allowText);
}

/** A finite number > 0 (difficulties; JSON's 1e400 parses to Infinity). */
export function readPositive(v: unknown): number | Bad {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : BAD;
}

/**
 * A 32-bit mask as hex text. BIP 310 says exactly 8 characters; 1..8 are taken because the
 * value is unambiguous and some software prints masks without leading zeros.
 */
export function readHexU32(v: unknown): number | Bad {
  if (typeof v !== 'string' || v.length === 0 || v.length > 8 || !isHexDigits(v)) return BAD;
  return parseInt(v, 16) >>> 0;
}

export function isHexDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 102;
    const upper = c >= 65 && c <= 70;
    if (!digit && !lower && !upper) return false;
  }
  return true;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export const NO_PARAMS: readonly unknown[] = Object.freeze([]);
