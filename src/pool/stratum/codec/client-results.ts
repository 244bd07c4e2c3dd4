import { isHex } from '../../core/bytes.js';
import { BAD, isArray, isJsonObject, readHexU32, readInt } from './fields.js';
import { MAX_EXTRANONCE2_SIZE } from './notification-params.js';

/** What a `mining.subscribe` result tells the miner. */
export interface SubscribeResult {
  /** `[method, subscription id]` pairs; miners keep the `mining.notify` one to resume. */
  readonly subscriptions: readonly (readonly [method: string, id: string])[];
  readonly extranonce1: string;
  readonly extranonce2Size: number;
}

/** BIP 310's TExtensionResult: true, false (unsupported), or an error message. */
export type ExtensionResult = boolean | string;

/** A `mining.configure` result, one entry per extension the miner listed. */
export interface ConfigureResult {
  readonly versionRolling?:
    { readonly mask: number; readonly minBitCount?: number } | false | string;
  readonly minimumDifficulty?: ExtensionResult;
  readonly subscribeExtranonce?: ExtensionResult;
  readonly info?: ExtensionResult;
  /** Other extensions, each answered `false` as BIP 310 asks for codes the pool does not know. */
  readonly unsupported?: readonly string[];
}

/**
 * Reads `[subscriptions, extranonce1, extranonce2_size]`. Pools differ in the first item:
 * a list of pairs (slush, ckpool: set_difficulty and notify), or one bare pair (early
 * pools); anything else there is ignored, as cgminer does. Undefined when the rest is wrong.
 */
export function readSubscribeResult(result: unknown): SubscribeResult | undefined {
  if (!isArray(result)) return undefined;
  const [details, extranonce1, size] = result;
  if (typeof extranonce1 !== 'string' || !isHex(extranonce1)) return undefined;
  const extranonce2Size = readInt(size, 0, MAX_EXTRANONCE2_SIZE);
  if (extranonce2Size === BAD) return undefined;
  const subscriptions: (readonly [string, string])[] = [];
  if (isPair(details)) subscriptions.push(details);
  else if (isArray(details)) for (const d of details) if (isPair(d)) subscriptions.push(d);
  return { subscriptions, extranonce1, extranonce2Size };
}

function isPair(v: unknown): v is readonly [string, string] {
  return isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';
}

const NAMED: Readonly<Record<string, 'minimumDifficulty' | 'subscribeExtranonce' | 'info'>> = {
  'minimum-difficulty': 'minimumDifficulty',
  'subscribe-extranonce': 'subscribeExtranonce',
  info: 'info',
};

/**
 * Reads a BIP 310 result map. `"version-rolling": true` without a readable mask is turned
 * into an error string: rolling without knowing the mask would get every share refused.
 * Dotted keys other than the version-rolling ones are extension data and skipped.
 */
export function readConfigureResult(result: unknown): ConfigureResult | undefined {
  if (!isJsonObject(result)) return undefined;
  const out: {
    versionRolling?: ConfigureResult['versionRolling'];
    minimumDifficulty?: ExtensionResult;
    subscribeExtranonce?: ExtensionResult;
    info?: ExtensionResult;
    unsupported?: string[];
  } = {};
  for (const key of Object.keys(result)) {
    const value = result[key];
    if (typeof value !== 'boolean' && typeof value !== 'string') continue;
    if (key === 'version-rolling') out.versionRolling = versionRolling(value, result);
    else if (Object.hasOwn(NAMED, key)) out[NAMED[key]!] = value;
    else if (value === false && !key.includes('.')) (out.unsupported ??= []).push(key);
  }
  return out;
}

function versionRolling(
  value: ExtensionResult,
  result: Readonly<Record<string, unknown>>,
): ConfigureResult['versionRolling'] {
  if (value !== true) return value;
  const mask = readHexU32(result['version-rolling.mask']);
  if (mask === BAD) return 'version-rolling accepted without a readable version-rolling.mask';
  const minBitCount = readInt(result['version-rolling.min-bit-count'], 0, 32);
  return minBitCount === BAD ? { mask } : { mask, minBitCount };
}
