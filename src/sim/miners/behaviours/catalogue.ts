import { badNonce } from './bad-nonce.js';
import { blockWithholding } from './block-withholding.js';
import { connectionChurn } from './connection-churn.js';
import { difficultySuggestAbuse } from './difficulty-suggest-abuse.js';
import { foreignJob } from './foreign-job.js';
import { garbageProof } from './garbage-proof.js';
import { honest } from './honest.js';
import { binaryGarbage, malformedJson, oversizedLine } from './line-abuse.js';
import { lowDifficulty } from './low-difficulty.js';
import { ntimeOutOfRange } from './ntime-out-of-range.js';
import { poolHopping } from './pool-hopping.js';
import { duplicateShares } from './duplicate-shares.js';
import { slowSubmit } from './slow-submit.js';
import { slowloris } from './slowloris.js';
import { staleShares } from './stale-shares.js';
import { submitFlood } from './submit-flood.js';
import type { Behaviour } from './types.js';
import { unauthorizedWorker } from './unauthorized-worker.js';
import { versionOutsideMask } from './version-outside-mask.js';
import { wrongExtranonce2Size } from './wrong-extranonce2-size.js';

/** Every behaviour a farm can give its miners, each with the response a correct pool gives. */
export const BEHAVIOURS: readonly Behaviour[] = [
  honest,
  slowSubmit,
  duplicateShares,
  staleShares,
  lowDifficulty,
  garbageProof,
  badNonce,
  ntimeOutOfRange,
  wrongExtranonce2Size,
  versionOutsideMask,
  foreignJob,
  unauthorizedWorker,
  malformedJson,
  binaryGarbage,
  oversizedLine,
  submitFlood,
  slowloris,
  connectionChurn,
  difficultySuggestAbuse,
  blockWithholding,
  poolHopping,
];

export function findBehaviour(id: string): Behaviour | undefined {
  return BEHAVIOURS.find((b) => b.id === id);
}
