import { checkEncodable, checkInt, checkPositive, maskHex, requestLine } from './encode-common.js';
import type { RequestId, SubmitFields, SubscribeFields } from './messages.js';

/** Miner -> server lines, for the virtual miners. Each returns one line ending in `\n`. */

/**
 * Trailing absent params are left out (`["cpuminer/2.5.1"]`, as classic miners send it);
 * an absent param before a present one is sent as null.
 */
export function encodeSubscribeRequest(
  id: RequestId,
  fields: Partial<SubscribeFields> = {},
): string {
  const params: (string | number | null)[] = [
    fields.userAgent ?? null,
    fields.sessionId ?? null,
    fields.host ?? null,
    fields.port ?? null,
  ];
  while (params.length > 0 && params[params.length - 1] === null) params.pop();
  return requestLine(id, 'mining.subscribe', params);
}

export function encodeAuthorizeRequest(id: RequestId, username: string, password?: string): string {
  const params = password === undefined ? [username] : [username, password];
  return requestLine(id, 'mining.authorize', params);
}

export interface ConfigureOptions {
  readonly versionRolling?: { readonly mask: number; readonly minBitCount?: number };
  readonly minimumDifficulty?: number;
  readonly subscribeExtranonce?: boolean;
  /** `info.*` values keyed without the prefix (`hw-version`, `sw-version`, ...). */
  readonly info?: Readonly<Record<string, string>>;
  /** Extension codes to list beyond the ones above (they get no parameters). */
  readonly otherExtensions?: readonly string[];
}

export function encodeConfigureRequest(id: RequestId, options: ConfigureOptions): string {
  const extensions: string[] = [];
  const params: [string, string | number][] = [];
  if (options.versionRolling !== undefined) {
    extensions.push('version-rolling');
    params.push(['version-rolling.mask', maskHex(options.versionRolling.mask)]);
    const bits = options.versionRolling.minBitCount;
    if (bits !== undefined) {
      checkInt('version-rolling.min-bit-count', bits, 0, 32);
      params.push(['version-rolling.min-bit-count', bits]);
    }
  }
  if (options.minimumDifficulty !== undefined) {
    const value = options.minimumDifficulty;
    checkEncodable(Number.isFinite(value) && value >= 0, 'minimum-difficulty.value', value);
    extensions.push('minimum-difficulty');
    params.push(['minimum-difficulty.value', value]);
  }
  if (options.subscribeExtranonce === true) extensions.push('subscribe-extranonce');
  if (options.info !== undefined) {
    extensions.push('info');
    for (const [name, value] of Object.entries(options.info)) params.push([`info.${name}`, value]);
  }
  extensions.push(...(options.otherExtensions ?? []));
  return requestLine(id, 'mining.configure', [extensions, Object.fromEntries(params)]);
}

/** Version bits go out as the 6th param only when the miner rolls them (BIP 310). */
export function encodeSubmitRequest(id: RequestId, submit: SubmitFields): string {
  const params = [submit.workerName, submit.jobId, submit.extranonce2, submit.ntime, submit.nonce];
  if (submit.versionBits !== undefined) params.push(submit.versionBits);
  return requestLine(id, 'mining.submit', params);
}

export function encodeSuggestDifficultyRequest(id: RequestId, difficulty: number): string {
  checkPositive('a suggested difficulty', difficulty);
  return requestLine(id, 'mining.suggest_difficulty', [difficulty]);
}

export function encodeSuggestTargetRequest(id: RequestId, target: bigint): string {
  checkEncodable(target > 0n && target < 1n << 256n, 'a target (1..2^256-1)', target);
  return requestLine(id, 'mining.suggest_target', [target.toString(16).padStart(64, '0')]);
}

export function encodeExtranonceSubscribeRequest(id: RequestId): string {
  return requestLine(id, 'mining.extranonce.subscribe', []);
}

export function encodeGetTransactionsRequest(id: RequestId, jobId: string): string {
  return requestLine(id, 'mining.get_transactions', [jobId]);
}

export function encodeMultiVersionRequest(id: RequestId, version: number): string {
  checkInt('a multi_version number', version, 1, 0xffffffff);
  return requestLine(id, 'mining.multi_version', [version]);
}
