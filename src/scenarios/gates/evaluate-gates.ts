import {
  add,
  compareExact,
  div,
  exact,
  exactFrom,
  exactToText,
  mul,
  sub,
  type Exact,
} from './exact.js';
import type { Comparison, Gate, GateExpr } from './gate-ast.js';
import { findMetric, metricKey, type MetricUnit } from './metric-catalogue.js';

/**
 * A run's measured figures under their `metricKey`s: `acceptance(honest)`, `acceptance(asics)`,
 * `blocks.found`. A per-miner metric over all miners goes under its bare name (`acceptance`).
 * Values are in the metric's base unit (ms, H/s, sats, a ratio as 0..1). A ratio may be given
 * exactly as { num, den }; a number is read as the decimal it prints as.
 */
export type MetricValue = number | bigint | { readonly num: bigint; readonly den: bigint };
export type RunMetrics = Readonly<Record<string, MetricValue>>;

/** One gate's verdict, as reports show it. */
export interface GateResult {
  readonly expression: string;
  readonly passed: boolean;
  /** The left side's value with its unit; null when it could not be computed. */
  readonly actual: string | null;
  /** The comparison and the right side's value, like '>= 0.98'; null when not computed. */
  readonly threshold: string | null;
  readonly message: string;
}

class NotMeasured extends Error {}

/** Judges every gate against a run's metrics. A metric the run did not report fails its gate. */
export function evaluateGates(gates: readonly Gate[], metrics: RunMetrics): GateResult[] {
  return gates.map((gate) => evaluateGate(gate, metrics));
}

export function evaluateGate(gate: Gate, metrics: RunMetrics): GateResult {
  const expression = gate.source;
  let left: Exact;
  let right: Exact;
  try {
    left = valueOf(gate.left, metrics, gate.source);
    right = valueOf(gate.right, metrics, gate.source);
  } catch (error) {
    if (!(error instanceof NotMeasured)) throw error;
    return { expression, passed: false, actual: null, threshold: null, message: error.message };
  }
  const passed = holds(compareExact(left, right), gate.comparison);
  const actual = withUnit(left, unitOf(gate.left) ?? unitOf(gate.right));
  const threshold = `${gate.comparison} ${withUnit(right, unitOf(gate.right) ?? unitOf(gate.left))}`;
  const rightText = gate.source.slice(gate.right.start, gate.right.end).trim();
  const thresholdText = gate.right.kind === 'literal' ? threshold : `${threshold} (${rightText})`;
  return {
    expression,
    passed,
    actual,
    threshold,
    message: `${passed ? 'passed' : 'failed'}: actual ${actual}, threshold ${thresholdText}`,
  };
}

function holds(order: -1 | 0 | 1, comparison: Comparison): boolean {
  switch (comparison) {
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}

function valueOf(expr: GateExpr, metrics: RunMetrics, source: string): Exact {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'metric':
      return metricValue(metricKey(expr.name, expr.selector), metrics);
    case 'negate':
      return mul(exact(-1n), valueOf(expr.operand, metrics, source));
    case 'binary': {
      const a = valueOf(expr.left, metrics, source);
      const b = valueOf(expr.right, metrics, source);
      if (expr.op === '+') return add(a, b);
      if (expr.op === '-') return sub(a, b);
      if (expr.op === '*') return mul(a, b);
      const quotient = div(a, b);
      if (quotient === undefined)
        throw new NotMeasured(`failed: division by zero in ${source.slice(expr.start, expr.end)}`);
      return quotient;
    }
  }
}

function metricValue(key: string, metrics: RunMetrics): Exact {
  const value = Object.hasOwn(metrics, key) ? metrics[key] : undefined;
  if (value === undefined)
    throw new NotMeasured(`failed: metric ${key} was not measured by this run`);
  if (typeof value === 'bigint') return exact(value);
  if (typeof value === 'number') {
    const read = exactFrom(value);
    if (read === undefined)
      throw new NotMeasured(`failed: metric ${key} is ${value}, not a number`);
    return read;
  }
  if (value.den === 0n) throw new NotMeasured(`failed: metric ${key} is ${value.num}/0`);
  return exact(value.num, value.den);
}

/** The unit a side is in, when it names exactly one kind of metric or literal. */
function unitOf(expr: GateExpr): MetricUnit | undefined {
  switch (expr.kind) {
    case 'metric':
      return findMetric(expr.name)?.unit;
    case 'literal':
      return expr.dim === 'ms' || expr.dim === 'H/s' || expr.dim === 'sats' ? expr.dim : undefined;
    case 'negate':
      return unitOf(expr.operand);
    case 'binary':
      return expr.op === '/' && unitOf(expr.right) !== undefined
        ? undefined
        : (unitOf(expr.left) ?? unitOf(expr.right));
  }
}

function withUnit(value: Exact, unit: MetricUnit | undefined): string {
  const text = exactToText(value);
  switch (unit) {
    case 'ms':
      return `${text}ms`;
    case 'H/s':
      return `${text} H/s`;
    case 'sats':
      return `${text} sats`;
    default:
      return text;
  }
}
