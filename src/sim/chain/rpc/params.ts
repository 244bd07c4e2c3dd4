import { isHex } from '../../../pool/core/bytes.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import type { DaemonDialect } from './dialect.js';
import { failure, RPC_CODE, type RpcFailure } from './outcome.js';

type Expected = 'number' | 'string' | 'object' | 'bool' | 'array';

const OLD_STYLE: Record<Expected, string> = {
  number: 'a number',
  string: 'a string',
  object: 'an object',
  bool: 'a boolean',
  array: 'an array',
};

const INT32 = /^-?\d{1,10}$/;

/**
 * Reads positional parameters as a daemon does, values as the exact parser left them
 * (numbers are JsonNumber literals). The first problem is kept as the call's answer and every
 * later read returns a harmless placeholder, so a method reads all it needs, then checks
 * `failed` once.
 */
export class ParamReader {
  private problem: RpcFailure | undefined;

  constructor(
    private readonly values: readonly unknown[],
    private readonly dialect: DaemonDialect,
  ) {}

  get failed(): RpcFailure | undefined {
    return this.problem;
  }

  /** Given and not null: optional parameters default when absent or null, as in bitcoind. */
  has(i: number): boolean {
    const v = this.values[i];
    return v !== undefined && v !== null;
  }

  raw(i: number): unknown {
    return this.values[i];
  }

  int(i: number, fallback?: number): number {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (!(v instanceof JsonNumber)) return this.typeError(v, 'number', 0, 'an integer');
    const n = Number(v.text);
    if (!INT32.test(v.text) || n > 2 ** 31 - 1 || n < -(2 ** 31)) {
      return this.fail(RPC_CODE.MISC_ERROR, 'JSON value is not an integer as expected', 0);
    }
    return n;
  }

  number(i: number, fallback?: number): number {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (!(v instanceof JsonNumber)) return this.typeError(v, 'number', 0);
    const n = Number(v.text);
    return Number.isFinite(n)
      ? n
      : this.fail(RPC_CODE.MISC_ERROR, 'JSON value is not a number as expected', 0);
  }

  str(i: number, fallback?: string): string {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    return typeof v === 'string' ? v : this.typeError(v, 'string', '');
  }

  bool(i: number, fallback?: boolean): boolean {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    return typeof v === 'boolean' ? v : this.typeError(v, 'bool', false);
  }

  obj(i: number, fallback?: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    return isRecord(v) ? v : this.typeError(v, 'object', {});
  }

  array(i: number, fallback?: readonly unknown[]): readonly unknown[] {
    const v = this.values[i];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    return Array.isArray(v) ? (v as unknown[]) : this.typeError(v, 'array', []);
  }

  /** A block hash as ParseHashV checks it: hex first, then 64 digits. Lower-cased. */
  hash(i: number, name: string): string {
    const text = this.str(i);
    if (this.problem) return '';
    return this.checkHash(text, name) ?? '';
  }

  /** ParseHashV on a text that came from elsewhere (a longpollid's first 64 characters). */
  checkHash(text: string, name: string): string | undefined {
    // Core's IsHex: non-empty, whole bytes.
    if (text.length === 0 || !isHex(text)) {
      return this.fail(
        RPC_CODE.INVALID_PARAMETER,
        `${name} must be hexadecimal string (not '${text}')`,
        undefined,
      );
    }
    if (text.length !== 64) {
      return this.fail(
        RPC_CODE.INVALID_PARAMETER,
        `${name} must be of length 64 (not ${text.length}, for '${text}')`,
        undefined,
      );
    }
    return text.toLowerCase();
  }

  /** Records a failure (the first one wins) and returns `placeholder`. */
  fail<T>(code: number, message: string, placeholder: T): T {
    this.problem ??= failure(code, message);
    return placeholder;
  }

  private typeError<T>(v: unknown, expected: Expected, placeholder: T, oldName?: string): T {
    if (this.dialect.typeCheckedParams) {
      return this.fail(
        RPC_CODE.TYPE_ERROR,
        `JSON value of type ${typeName(v)} is not of expected type ${expected}`,
        placeholder,
      );
    }
    return this.fail(
      RPC_CODE.MISC_ERROR,
      `JSON value is not ${oldName ?? OLD_STYLE[expected]} as expected`,
      placeholder,
    );
  }
}

export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** UniValue's type names. */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof JsonNumber) return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}
