import type { RejectReason } from './reasons.js';

/** The fields of a `mining.submit` as the miner sent them (after the worker name). */
export interface RawSubmission {
  readonly jobId: string;
  readonly extranonce2: string;
  readonly ntime: string;
  readonly nonce: string;
  readonly versionBits?: string | undefined;
}

/** A submission whose fields are well-formed, decoded to values. */
export interface DecodedSubmission {
  readonly jobId: string;
  readonly extranonce2: Buffer;
  readonly ntime: number;
  readonly nonce: number;
  /** The rolled version bits as sent (0 when the miner sent none). */
  readonly versionBits: number;
  /**
   * Identity of the share for duplicate detection: the decoded values, so `ABCD` and `abcd`
   * (or any other spelling of the same bytes) are one share.
   */
  readonly key: string;
}

export type DecodeResult =
  | { readonly ok: true; readonly submission: DecodedSubmission }
  | { readonly ok: false; readonly reason: RejectReason };

/** Checks the shape of every field and decodes it; no hashing, no job state. */
export function decodeSubmission(raw: RawSubmission, extranonce2Size: number): DecodeResult {
  const en2 = raw.extranonce2;
  if (en2.length % 2 !== 0 || !isHexText(en2)) return reject('malformed-extranonce2');
  if (en2.length !== extranonce2Size * 2) return reject('bad-extranonce2-size');
  const ntime = parseWord(raw.ntime);
  if (ntime === undefined) return reject('malformed-ntime');
  const nonce = parseWord(raw.nonce);
  if (nonce === undefined) return reject('malformed-nonce');
  let versionBits = 0;
  if (raw.versionBits !== undefined) {
    const v = parseWord(raw.versionBits);
    if (v === undefined) return reject('malformed-version');
    versionBits = v;
  }
  const extranonce2 = Buffer.from(en2, 'hex');
  const key = `${raw.jobId}|${extranonce2.toString('hex')}|${ntime}|${nonce}|${versionBits}`;
  return {
    ok: true,
    submission: { jobId: raw.jobId, extranonce2, ntime, nonce, versionBits, key },
  };
}

/** Exactly 8 hex characters (a 32-bit word written big-endian), or undefined. */
export function parseWord(text: string): number | undefined {
  if (text.length !== 8 || !isHexText(text)) return undefined;
  return parseInt(text, 16) >>> 0;
}

function isHexText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 102;
    const upper = c >= 65 && c <= 70;
    if (!digit && !lower && !upper) return false;
  }
  return true;
}

function reject(reason: RejectReason): DecodeResult {
  return { ok: false, reason };
}
