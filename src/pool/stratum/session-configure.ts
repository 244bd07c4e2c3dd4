import type { ConfigureResult } from './codec/client-results.js';
import { encodeConfigureResult } from './codec/encode.js';
import type { ConfigureRequest } from './codec/messages.js';
import { difficultyFrom } from '../core/difficulty/difficulty.js';
import type { SessionDifficulty } from './session-difficulty.js';
import type { ShareJudge } from './share-judge.js';

const KNOWN = new Set(['version-rolling', 'minimum-difficulty', 'subscribe-extranonce', 'info']);

export interface ConfigureAnswer {
  readonly line: string;
  readonly subscribeExtranonce: boolean;
  /** The minimum-difficulty floor moved the current difficulty up: announce it. */
  readonly difficultyChanged: boolean;
}

/**
 * BIP 310 mining.configure. Version rolling gets the bits both sides allow (the miner's mask
 * and the pool's), or false when none are left; minimum-difficulty becomes the session's
 * vardiff floor, kept inside the pool's bounds; every code we do not know is answered false.
 */
export function answerConfigure(
  request: ConfigureRequest,
  poolMask: number,
  session: { readonly judge: ShareJudge; readonly difficulty: SessionDifficulty },
  nowMs: number,
): ConfigureAnswer {
  const result: {
    versionRolling?: ConfigureResult['versionRolling'];
    minimumDifficulty?: boolean | string;
    subscribeExtranonce?: boolean;
    info?: boolean | string;
    unsupported?: string[];
  } = {};
  let difficultyChanged = false;
  const vr = request.versionRolling;
  if (vr !== undefined) {
    if (!vr.ok) {
      result.versionRolling = vr.message;
    } else {
      const mask = (vr.value.mask & poolMask) >>> 0;
      session.judge.versionMask = mask;
      result.versionRolling = mask === 0 ? false : { mask };
    }
  }
  const md = request.minimumDifficulty;
  if (md !== undefined) {
    if (!md.ok) {
      result.minimumDifficulty = md.message;
    } else {
      const floor = md.value > 0 ? difficultyFrom(md.value) : undefined;
      difficultyChanged = session.difficulty.setMinimum(floor, nowMs);
      result.minimumDifficulty = true;
    }
  }
  if (request.subscribeExtranonce) result.subscribeExtranonce = true;
  if (request.info !== undefined) result.info = request.info.ok ? true : request.info.message;
  const unsupported = request.extensions.filter((code) => !KNOWN.has(code));
  if (unsupported.length > 0) result.unsupported = unsupported;
  return {
    line: encodeConfigureResult(request.id, result),
    subscribeExtranonce: request.subscribeExtranonce,
    difficultyChanged,
  };
}
