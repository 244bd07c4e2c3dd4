export { Dashboard, DEFAULT_EVENT_LINES, type DashboardProps } from './Dashboard.js';
export {
  DEFAULT_MAX_FPS,
  renderLiveDashboard,
  type LiveDashboardOptions,
} from './live-dashboard.js';
export {
  DEFAULT_EVERY_WALL_MS,
  renderPlainProgress,
  type PlainProgressOptions,
} from './plain-progress.js';
export { openProgressView, type ProgressViewOptions } from './open-progress-view.js';
export type { ProgressView } from './progress-view.js';
export { formatFinalTable, formatProgressLine } from './plain.js';
export {
  NOT_AVAILABLE,
  formatClockTime,
  formatCompactCount,
  formatCount,
  formatCountWithin,
  formatDuration,
  formatHashrate,
  formatLatency,
  formatPercent,
  formatSats,
  formatScaled,
  formatSpeedup,
  isZeroSats,
} from './format.js';
