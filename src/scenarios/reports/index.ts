export type {
  ClassShares,
  FarmShares,
  LatencySummary,
  PayoutSummary,
  RunResult,
  SeriesPoint,
  TimelineEntry,
  WallFacts,
} from './run-result.js';
export { rejectedTotal, sharesByClass } from './run-result.js';
export { canonicalJson } from './canonical-json.js';
export { SUMMARY_VERSION, summaryJson, wallJson } from './summary-json.js';
export { junitXml } from './junit-xml.js';
export { reportMarkdown } from './report-md.js';
export { reportFiles, writeReportDir } from './write-report-dir.js';
