export type { Comparison, Gate, GateExpr, GateProblem, LiteralDim } from './gate-ast.js';
export { parseGate, type GateParse } from './gate-parser.js';
export { checkGate, type GateContext } from './gate-check.js';
export { compileGate, type GateCompile } from './compile-gate.js';
export { gateMetrics, type GateMetric } from './gate-metrics.js';
export {
  evaluateGate,
  evaluateGates,
  type GateResult,
  type MetricValue,
  type RunMetrics,
} from './evaluate-gates.js';
export {
  METRICS,
  findMetric,
  metricKey,
  type MetricInfo,
  type MetricUnit,
  type SelectorKind,
} from './metric-catalogue.js';
