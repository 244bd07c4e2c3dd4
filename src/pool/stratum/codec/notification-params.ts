import { isHex } from '../../core/bytes.js';
import {
  BAD,
  isArray,
  isText,
  optionalInt,
  optionalText,
  readHexU32,
  readInt,
  readPositive,
} from './fields.js';
import { STRATUM_LIMITS as L } from './limits.js';
import type { RequestId, ServerMessage } from './messages.js';

type Notification = Exclude<ServerMessage, { kind: 'response' }>;

/** The widest extranonce2 a pool could sensibly hand out (bytes). */
export const MAX_EXTRANONCE2_SIZE = 32;

/**
 * Reads a server->client method call: the typed message, or what is wrong with its params.
 * Unknown methods become `unknown-notification` (with the id, for `client.get_version`).
 */
export function readNotification(
  method: string,
  id: RequestId,
  p: readonly unknown[],
): Notification | string {
  switch (method) {
    case 'mining.notify':
      return readNotify(p);
    case 'mining.set_difficulty': {
      const difficulty = readPositive(p[0]);
      if (difficulty === BAD) return 'param 1 (difficulty) must be a number > 0';
      return { kind: 'set-difficulty', difficulty };
    }
    case 'mining.set_extranonce': {
      const extranonce1 = p[0];
      if (typeof extranonce1 !== 'string' || !isHex(extranonce1)) {
        return 'param 1 (extranonce1) must be hex';
      }
      const extranonce2Size = readInt(p[1], 0, MAX_EXTRANONCE2_SIZE);
      if (extranonce2Size === BAD) {
        return `param 2 (extranonce2_size) must be 0..${MAX_EXTRANONCE2_SIZE}`;
      }
      return { kind: 'set-extranonce', extranonce1, extranonce2Size };
    }
    case 'mining.set_version_mask': {
      const mask = readHexU32(p[0]);
      if (mask === BAD) return 'param 1 (mask) must be up to 8 hex characters';
      return { kind: 'set-version-mask', mask };
    }
    case 'client.reconnect':
      return readReconnect(p);
    case 'client.show_message': {
      const text = p[0];
      if (typeof text !== 'string') return 'param 1 (text) must be a string';
      return { kind: 'show-message', text };
    }
    default:
      return { kind: 'unknown-notification', id, method, params: p };
  }
}

function readNotify(p: readonly unknown[]): Notification | string {
  const [jobId, prevHash, coinb1, coinb2, branch, version, nbits, ntime, cleanJobs] = p;
  if (!isText(jobId, L.submitFieldChars)) return 'param 1 (job_id) must be a short string';
  if (!isHexText(prevHash, 32)) return 'param 2 (prevhash) must be 64 hex characters';
  if (!isHexText(coinb1)) return 'param 3 (coinb1) must be hex';
  if (!isHexText(coinb2)) return 'param 4 (coinb2) must be hex';
  if (!isArray(branch) || !branch.every((h) => isHexText(h, 32))) {
    return 'param 5 (merkle_branch) must be an array of 64-hex-character hashes';
  }
  if (!isHexText(version, 4)) return 'param 6 (version) must be 8 hex characters';
  if (!isHexText(nbits, 4)) return 'param 7 (nbits) must be 8 hex characters';
  if (!isHexText(ntime, 4)) return 'param 8 (ntime) must be 8 hex characters';
  if (typeof cleanJobs !== 'boolean') return 'param 9 (clean_jobs) must be a boolean';
  return {
    kind: 'notify',
    jobId,
    prevHash,
    coinb1,
    coinb2,
    merkleBranch: branch,
    version,
    nbits,
    ntime,
    cleanJobs,
  };
}

/** cpuminer takes the port as a number or as text; the wait is in seconds. */
function readReconnect(p: readonly unknown[]): Notification | string {
  const host = optionalText(p[0], L.hostChars);
  if (host === BAD) return `param 1 (host) must be a string of at most ${L.hostChars} characters`;
  const port = optionalInt(p[1], 1, 65535, true);
  if (port === BAD) return 'param 2 (port) must be a whole number 1..65535';
  const waitSeconds = optionalInt(p[2], 0, 86_400, true);
  if (waitSeconds === BAD) return 'param 3 (wait) must be whole seconds 0..86400';
  return { kind: 'reconnect', host, port, waitSeconds };
}

function isHexText(v: unknown, bytes?: number): v is string {
  return typeof v === 'string' && isHex(v, bytes);
}
