export {
  REJECT_REASONS,
  STRATUM_ERROR_FOR,
  stratumErrorFor,
  type RejectReason,
  type StratumError,
} from './reasons.js';
export {
  decodeSubmission,
  parseWord,
  type DecodedSubmission,
  type DecodeResult,
  type RawSubmission,
} from './submission.js';
export {
  DEFAULT_SHARE_RULES,
  validateShare,
  type JobLookup,
  type ShareHasher,
  type ShareRules,
  type ShareSession,
  type ShareVerdict,
} from './validate-share.js';
export {
  difficultyForJob,
  forgetJobs,
  jobSent,
  newDifficultyBook,
  sentJob,
  setDifficulty,
  type DifficultyBook,
  type SentJob,
} from './job-difficulty.js';
