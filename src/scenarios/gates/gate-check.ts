import { BEHAVIOUR_CLASSES } from '../schema/catalogue.js';
import type { Fidelity } from '../schema/fidelity.js';
import { didYouMean } from '../suggest.js';
import type { Gate, GateExpr, GateProblem } from './gate-ast.js';
import { findMetric, METRICS, type MetricUnit } from './metric-catalogue.js';

/**
 * What a gate is checked against: the scenario it belongs to. Without a fidelity or farm
 * list (a scenario that failed elsewhere) those checks are skipped and the rest still run.
 */
export interface GateContext {
  readonly fidelity?: Fidelity;
  readonly farmIds?: readonly string[];
}

/** Dimensions as the checker tracks them: a metric's unit, or a bare number. */
type Dim = MetricUnit | 'scalar' | 'zero';

const UNIT_WORDS: Readonly<Record<Dim, string>> = {
  ratio: 'a ratio',
  count: 'a count',
  ms: 'a duration',
  sats: 'an amount in sats',
  'H/s': 'a hashrate',
  scalar: 'a plain number',
  zero: 'zero',
};

const EXAMPLE_UNIT: Readonly<Partial<Record<Dim, string>>> = { ms: 'ms', 'H/s': 'GH' };

/** Every problem with a parsed gate's metrics, selectors and units; [] when it is sound. */
export function checkGate(gate: Gate, context: GateContext): GateProblem[] {
  const problems: GateProblem[] = [];
  const left = dimOf(gate.left, context, problems);
  const right = dimOf(gate.right, context, problems);
  if (left !== undefined && right !== undefined && unify(left, right) === undefined) {
    const side = gate.left.kind === 'metric' ? gate.right : gate.left;
    const metricDim = gate.left.kind === 'metric' ? left : right;
    const unit = EXAMPLE_UNIT[metricDim];
    const hint =
      unit !== undefined && side.kind === 'literal' && side.dim === 'scalar'
        ? `; write the threshold with a unit, like ${gate.source.slice(side.start, side.end)}${unit}`
        : '';
    problems.push({
      offset: side.start,
      message: `cannot compare ${UNIT_WORDS[left]} with ${UNIT_WORDS[right]}${hint}`,
    });
  }
  return problems;
}

function dimOf(expr: GateExpr, context: GateContext, problems: GateProblem[]): Dim | undefined {
  switch (expr.kind) {
    case 'literal':
      return expr.dim;
    case 'metric':
      return metricDim(expr, context, problems);
    case 'negate':
      return dimOf(expr.operand, context, problems);
    case 'binary': {
      const a = dimOf(expr.left, context, problems);
      const b = dimOf(expr.right, context, problems);
      if (a === undefined || b === undefined) return undefined;
      const dim =
        expr.op === '+' || expr.op === '-'
          ? unify(a, b)
          : expr.op === '*'
            ? product(a, b)
            : quotient(a, b);
      if (dim === undefined) {
        const verb = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide' }[expr.op];
        problems.push({
          offset: expr.start,
          message: `cannot ${verb} ${UNIT_WORDS[a]} and ${UNIT_WORDS[b]}`,
        });
      }
      return dim;
    }
  }
}

function metricDim(
  expr: Extract<GateExpr, { kind: 'metric' }>,
  context: GateContext,
  problems: GateProblem[],
): Dim | undefined {
  const info = findMetric(expr.name);
  if (info === undefined) {
    const names = METRICS.map((m) => m.name);
    problems.push({
      offset: expr.start,
      message: `unknown metric '${expr.name}'${didYouMean(expr.name, names) || `; known metrics: ${names.join(', ')}`}`,
    });
    return undefined;
  }
  const selectorOffset = expr.start + expr.name.length + 1;
  if (expr.selector !== undefined && info.selector === 'none') {
    problems.push({
      offset: selectorOffset,
      message: `${info.name} is pool-wide and takes no selector`,
    });
  }
  const farmIds = context.farmIds;
  if (expr.selector !== undefined && info.selector === 'miners' && farmIds !== undefined) {
    const known = [...BEHAVIOUR_CLASSES, ...farmIds];
    if (!known.includes(expr.selector)) {
      problems.push({
        offset: selectorOffset,
        message: `unknown selector '${expr.selector}'${didYouMean(expr.selector, known) || `: expected a behaviour class (${BEHAVIOUR_CLASSES.join(', ')}) or a farm id (${farmIds.join(', ')})`}`,
      });
    }
  }
  if (context.fidelity !== undefined && !info.fidelities.includes(context.fidelity)) {
    problems.push({
      offset: expr.start,
      message: `${info.name} is not measured in ${context.fidelity} runs (only ${info.fidelities.join(', ')})`,
    });
  }
  return info.unit;
}

const SCALAR_LIKE: readonly Dim[] = ['scalar', 'zero', 'ratio', 'count', 'sats'];

/** The dimension of a + b (and of a compared with b); undefined if they do not mix. */
function unify(a: Dim, b: Dim): Dim | undefined {
  if (a === b) return a;
  if (a === 'zero') return b;
  if (b === 'zero') return a;
  if (a === 'scalar' && SCALAR_LIKE.includes(b)) return b;
  if (b === 'scalar' && SCALAR_LIKE.includes(a)) return a;
  return undefined;
}

const FACTOR_LIKE: readonly Dim[] = ['scalar', 'zero', 'ratio'];

function product(a: Dim, b: Dim): Dim | undefined {
  if (FACTOR_LIKE.includes(a)) return b === 'zero' ? 'scalar' : b;
  if (FACTOR_LIKE.includes(b)) return a;
  return undefined;
}

function quotient(a: Dim, b: Dim): Dim | undefined {
  if (FACTOR_LIKE.includes(b)) return a;
  if (a === b) return 'ratio';
  return undefined;
}
