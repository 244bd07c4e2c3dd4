import { BAD, isArray, isJsonObject, isText, optionalInt, readHexU32 } from './fields.js';
import type { JsonObject } from './fields.js';
import { STRATUM_LIMITS as L } from './limits.js';
import type {
  ConfigureRequest,
  ExtensionRequest,
  RequestId,
  VersionRollingParams,
} from './messages.js';

const FULL_MASK = 0xffffffff;
const INFO_PREFIX = 'info.';
const NO_EXTENSION_PARAMS: JsonObject = Object.freeze({});

/**
 * BIP 310 `mining.configure` [extensions, extension-parameters]. Only the container shapes
 * fail the whole request; a bad parameter fails its own extension, because BIP 310 answers
 * each extension on its own (an error string) and one odd value should not cost a miner
 * version rolling. A missing or null parameter map is read as `{}`.
 */
export function readConfigure(id: RequestId, p: readonly unknown[]): ConfigureRequest | string {
  const list = p[0];
  if (!isArray(list) || list.length > L.extensions) {
    return `param 1 (extensions) must be an array of at most ${L.extensions} strings`;
  }
  const extensions: string[] = [];
  for (const code of list) {
    if (!isText(code, L.extensionNameChars) || code.length === 0) {
      return `param 1 (extensions) must hold non-empty strings of at most ${L.extensionNameChars} characters`;
    }
    extensions.push(code);
  }
  const raw = p[1];
  let params = NO_EXTENSION_PARAMS;
  if (isJsonObject(raw)) params = raw;
  else if (raw !== undefined && raw !== null) {
    return 'param 2 (extension-parameters) must be an object';
  }
  return {
    method: 'mining.configure',
    id,
    extensions,
    versionRolling: extensions.includes('version-rolling') ? versionRolling(params) : undefined,
    minimumDifficulty: extensions.includes('minimum-difficulty')
      ? minimumDifficulty(params)
      : undefined,
    subscribeExtranonce: extensions.includes('subscribe-extranonce'),
    info: extensions.includes('info') ? info(params) : undefined,
  };
}

function versionRolling(params: JsonObject): ExtensionRequest<VersionRollingParams> {
  const rawMask = params['version-rolling.mask'];
  const mask = rawMask === undefined || rawMask === null ? FULL_MASK : readHexU32(rawMask);
  if (mask === BAD) return refuse('version-rolling.mask must be up to 8 hex characters');
  // Braiins OS has been seen leaving min-bit-count out: absent is fine, wrong is not.
  const minBitCount = optionalInt(params['version-rolling.min-bit-count'], 0, 32);
  if (minBitCount === BAD) return refuse('version-rolling.min-bit-count must be 0..32');
  return { ok: true, value: { mask, minBitCount } };
}

function minimumDifficulty(params: JsonObject): ExtensionRequest<number> {
  const value = params['minimum-difficulty.value'];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    return refuse('minimum-difficulty.value must be a number >= 0');
  }
  return { ok: true, value };
}

function info(params: JsonObject): ExtensionRequest<Readonly<Record<string, string>>> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(params)) {
    if (!key.startsWith(INFO_PREFIX)) continue;
    const name = key.slice(INFO_PREFIX.length);
    // A plain object must not have its prototype set from a miner's key.
    if (name === '__proto__' || name.length === 0) continue;
    const value = params[key];
    if (!isText(value, L.infoValueChars)) {
      return refuse(`${key} must be a string of at most ${L.infoValueChars} characters`);
    }
    out[name] = value;
  }
  return { ok: true, value: out };
}

function refuse(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}
