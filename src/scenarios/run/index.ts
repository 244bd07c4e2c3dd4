export { runScenario, RUN_EPOCH_MS, type RunOptions } from './run-scenario.js';
export { protocolProblems, assertRunnable } from './support.js';
export { RUN_ERROR_CODES, type RunErrorCode } from './run-errors.js';
export type {
  FarmProgress,
  GateProgress,
  LatencyProgress,
  NetworkProgress,
  RunProgress,
} from './progress.js';
