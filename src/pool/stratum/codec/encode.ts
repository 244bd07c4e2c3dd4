import type { ConfigureResult } from './client-results.js';
import { checkInt, checkPositive, maskHex, notificationLine } from './encode-common.js';
import type { StratumError } from './error-codes.js';
import type { NotifyFields, RequestId } from './messages.js';
import { MAX_EXTRANONCE2_SIZE } from './notification-params.js';

/** Server -> miner lines. Each returns exactly one line, ending in `\n`. */

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** An undefined member is left out, as JSON.stringify does. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined;
}

export function encodeResult(id: RequestId, result: JsonValue): string {
  return `{"id":${JSON.stringify(id)},"result":${JSON.stringify(result)},"error":null}\n`;
}

/** Stratum's error triple `[code, message, traceback]`; we never send a traceback. */
export function encodeError(id: RequestId, error: StratumError): string {
  return `{"id":${JSON.stringify(id)},"result":null,"error":[${error.code},${JSON.stringify(error.message)},null]}\n`;
}

export interface SubscribeAnswer {
  readonly subscriptionId: string;
  readonly extranonce1: string;
  readonly extranonce2Size: number;
}

/** `[[["mining.set_difficulty", id], ["mining.notify", id]], extranonce1, extranonce2_size]` */
export function encodeSubscribeResult(id: RequestId, answer: SubscribeAnswer): string {
  checkInt('extranonce2_size', answer.extranonce2Size, 0, MAX_EXTRANONCE2_SIZE);
  const subscriptions = [
    ['mining.set_difficulty', answer.subscriptionId],
    ['mining.notify', answer.subscriptionId],
  ];
  return encodeResult(id, [subscriptions, answer.extranonce1, answer.extranonce2Size]);
}

/** BIP 310 result map: every extension the miner listed gets an answer. */
export function encodeConfigureResult(id: RequestId, result: ConfigureResult): string {
  // Entries, not assignments: a miner-chosen code such as "__proto__" must stay a key.
  const entries: [string, JsonValue][] = [];
  const vr = result.versionRolling;
  if (typeof vr === 'object') {
    entries.push(['version-rolling', true], ['version-rolling.mask', maskHex(vr.mask)]);
    if (vr.minBitCount !== undefined) {
      checkInt('version-rolling.min-bit-count', vr.minBitCount, 0, 32);
      entries.push(['version-rolling.min-bit-count', vr.minBitCount]);
    }
  } else if (vr !== undefined) {
    entries.push(['version-rolling', vr]);
  }
  if (result.minimumDifficulty !== undefined) {
    entries.push(['minimum-difficulty', result.minimumDifficulty]);
  }
  if (result.subscribeExtranonce !== undefined) {
    entries.push(['subscribe-extranonce', result.subscribeExtranonce]);
  }
  if (result.info !== undefined) entries.push(['info', result.info]);
  for (const code of result.unsupported ?? []) entries.push([code, false]);
  return encodeResult(id, Object.fromEntries(entries));
}

/** A JSON number, possibly fractional: miners on tiny hashrates get 0.0001. */
export function encodeSetDifficulty(difficulty: number): string {
  checkPositive('a difficulty', difficulty);
  return notificationLine('mining.set_difficulty', [difficulty]);
}

export function encodeNotify(job: NotifyFields): string {
  return notificationLine('mining.notify', [
    job.jobId,
    job.prevHash,
    job.coinb1,
    job.coinb2,
    job.merkleBranch,
    job.version,
    job.nbits,
    job.ntime,
    job.cleanJobs,
  ]);
}

export function encodeSetExtranonce(extranonce1: string, extranonce2Size: number): string {
  checkInt('extranonce2_size', extranonce2Size, 0, MAX_EXTRANONCE2_SIZE);
  return notificationLine('mining.set_extranonce', [extranonce1, extranonce2Size]);
}

export function encodeSetVersionMask(mask: number): string {
  return notificationLine('mining.set_version_mask', [maskHex(mask)]);
}

export interface ReconnectTarget {
  readonly host: string;
  readonly port: number;
  readonly waitSeconds?: number;
}

/** Without a target: "reconnect to where you are connected now". */
export function encodeReconnect(target?: ReconnectTarget): string {
  if (target === undefined) return notificationLine('client.reconnect', []);
  checkInt('a port', target.port, 1, 65535);
  const params: (string | number)[] = [target.host, target.port];
  if (target.waitSeconds !== undefined) {
    checkInt('a wait in seconds', target.waitSeconds, 0, 86_400);
    params.push(target.waitSeconds);
  }
  return notificationLine('client.reconnect', params);
}

export function encodeShowMessage(text: string): string {
  return notificationLine('client.show_message', [text]);
}
