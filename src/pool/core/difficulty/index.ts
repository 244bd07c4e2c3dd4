export { SHA256D_DIFF1, SCRYPT_DIFF1 } from './diff1.js';
export {
  MAX_TARGET,
  bitsHex,
  bitsToTarget,
  decodeCompact,
  hashrateFromWork,
  targetToBits,
  workOfTarget,
  type CompactTarget,
} from './targets.js';
export {
  clampDifficulty,
  compareDifficulty,
  difficultyFrom,
  difficultyFromTarget,
  difficultyOfHash,
  difficultyOfTarget,
  difficultyRatio,
  difficultyToNumber,
  divideDifficulty,
  hashMeetsDifficulty,
  multiplyDifficulty,
  targetFromDifficulty,
  type Difficulty,
} from './difficulty.js';
export { snapDifficulty } from './snap.js';
export { vardiffConfig, type VardiffConfig, type VardiffConfigInput } from './vardiff-config.js';
export {
  MEMORY_INTERVALS,
  SNAP_SIGNIFICANT_DIGITS,
  initVardiff,
  retarget,
  retargetOnTick,
  type RetargetResult,
  type VardiffState,
} from './vardiff.js';
