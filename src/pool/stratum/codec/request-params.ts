import { readConfigure } from './configure-params.js';
import {
  BAD,
  isHexDigits,
  isText,
  optionalInt,
  optionalText,
  readInt,
  readPositive,
} from './fields.js';
import { STRATUM_LIMITS as L } from './limits.js';
import type {
  AuthorizeRequest,
  RequestId,
  StratumRequest,
  SubmitRequest,
  SubscribeRequest,
} from './messages.js';

/**
 * Reads the params of a known method into its typed request: the request, a message saying
 * what is wrong with the params, or undefined for a method we do not know. Params past the
 * ones a method defines are ignored, as ckpool and p2pool do: firmware appends fields.
 */
export function readRequest(
  method: string,
  id: RequestId,
  p: readonly unknown[],
): StratumRequest | string | undefined {
  switch (method) {
    case 'mining.submit':
      return readSubmit(id, p);
    case 'mining.subscribe':
      return readSubscribe(id, p);
    case 'mining.authorize':
      return readAuthorize(id, p);
    case 'mining.configure':
      return readConfigure(id, p);
    case 'mining.extranonce.subscribe':
      return { method, id };
    case 'mining.suggest_difficulty': {
      const difficulty = readPositive(p[0]);
      if (difficulty === BAD) return 'param 1 (difficulty) must be a number > 0';
      return { method, id, difficulty };
    }
    case 'mining.suggest_target': {
      const target = readTarget(p[0]);
      if (target === BAD) return 'param 1 (target) must be 1..64 hex characters, not zero';
      return { method, id, target };
    }
    case 'mining.get_transactions': {
      const jobId = p[0];
      if (!isText(jobId, L.submitFieldChars)) return textMessage(1, 'jobId', L.submitFieldChars);
      return { method, id, jobId };
    }
    case 'mining.multi_version': {
      const version = readInt(p[0], 1, 0xffffffff);
      if (version === BAD) return 'param 1 (version) must be a whole number >= 1';
      return { method, id, version };
    }
    default:
      return undefined;
  }
}

function readSubmit(id: RequestId, p: readonly unknown[]): SubmitRequest | string {
  const workerName = p[0];
  const jobId = p[1];
  const extranonce2 = p[2];
  const ntime = p[3];
  const nonce = p[4];
  const max = L.submitFieldChars;
  if (!isText(workerName, L.usernameChars)) return textMessage(1, 'workerName', L.usernameChars);
  if (!isText(jobId, max)) return textMessage(2, 'jobId', max);
  if (!isText(extranonce2, max)) return textMessage(3, 'extranonce2', max);
  if (!isText(ntime, max)) return textMessage(4, 'ntime', max);
  if (!isText(nonce, max)) return textMessage(5, 'nonce', max);
  const versionBits = optionalText(p[5], max);
  if (versionBits === BAD) return textMessage(6, 'versionBits', max);
  return { method: 'mining.submit', id, workerName, jobId, extranonce2, ntime, nonce, versionBits };
}

function readSubscribe(id: RequestId, p: readonly unknown[]): SubscribeRequest | string {
  const userAgent = optionalText(p[0], L.userAgentChars);
  if (userAgent === BAD) return textMessage(1, 'userAgent', L.userAgentChars);
  const sessionId = optionalText(p[1], L.sessionIdChars);
  if (sessionId === BAD) return textMessage(2, 'sessionId', L.sessionIdChars);
  const host = optionalText(p[2], L.hostChars);
  if (host === BAD) return textMessage(3, 'host', L.hostChars);
  const port = optionalInt(p[3], 1, 65535, true);
  if (port === BAD) return 'param 4 (port) must be a whole number 1..65535';
  return { method: 'mining.subscribe', id, userAgent, sessionId, host, port };
}

function readAuthorize(id: RequestId, p: readonly unknown[]): AuthorizeRequest | string {
  const username = p[0];
  if (!isText(username, L.usernameChars) || username.length === 0) {
    return `param 1 (username) must be a non-empty string of at most ${L.usernameChars} characters`;
  }
  const password = optionalText(p[1], L.passwordChars);
  if (password === BAD) return textMessage(2, 'password', L.passwordChars);
  const dot = username.indexOf('.');
  const address = dot === -1 ? username : username.slice(0, dot);
  const worker = dot === -1 || dot === username.length - 1 ? undefined : username.slice(dot + 1);
  return { method: 'mining.authorize', id, username, address, worker, password };
}

function readTarget(v: unknown): bigint | typeof BAD {
  if (typeof v !== 'string' || v.length === 0 || v.length > 64 || !isHexDigits(v)) return BAD;
  const target = BigInt(`0x${v}`);
  return target === 0n ? BAD : target;
}

export function textMessage(position: number, name: string, maxChars: number): string {
  return `param ${position} (${name}) must be a string of at most ${maxChars} characters`;
}
