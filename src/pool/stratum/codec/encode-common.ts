import { ChimeraError } from '../../../errors.js';
import type { RequestId } from './messages.js';

/**
 * Pieces both directions' encoders share. Encoders trust their callers (the pool and the
 * virtual miners) for hex text, but refuse values JSON would silently turn into `null`
 * (NaN, Infinity) or a wrong wire value: those are bugs, so they throw.
 */

export function requestLine(id: RequestId, method: string, params: readonly unknown[]): string {
  return `{"id":${JSON.stringify(id)},"method":${JSON.stringify(method)},"params":${JSON.stringify(params)}}\n`;
}

export function notificationLine(method: string, params: readonly unknown[]): string {
  return `{"id":null,"method":${JSON.stringify(method)},"params":${JSON.stringify(params)}}\n`;
}

export function checkEncodable(ok: boolean, what: string, value: unknown): void {
  if (!ok) throw new ChimeraError('STRATUM_ENCODE_INVALID', `cannot encode ${what}`, { value });
}

export function checkPositive(what: string, n: number): void {
  checkEncodable(Number.isFinite(n) && n > 0, `${what} (a finite number > 0)`, n);
}

export function checkInt(what: string, n: number, min: number, max: number): void {
  checkEncodable(Number.isInteger(n) && n >= min && n <= max, `${what} (${min}..${max})`, n);
}

/** A 32-bit mask as BIP 310's TMask: 8 lower-case hex characters. */
export function maskHex(mask: number): string {
  checkInt('a version mask', mask, 0, 0xffffffff);
  return mask.toString(16).padStart(8, '0');
}
