import type { Gate, GateExpr } from './gate-ast.js';

/** A metric a gate names, with its selector when it has one. */
export interface GateMetric {
  readonly name: string;
  readonly selector?: string;
}

/** Every metric a gate names, left side first, in the order written. */
export function gateMetrics(gate: Gate): GateMetric[] {
  const out: GateMetric[] = [];
  const walk = (expr: GateExpr): void => {
    switch (expr.kind) {
      case 'literal':
        return;
      case 'metric':
        out.push(
          expr.selector === undefined
            ? { name: expr.name }
            : { name: expr.name, selector: expr.selector },
        );
        return;
      case 'negate':
        walk(expr.operand);
        return;
      case 'binary':
        walk(expr.left);
        walk(expr.right);
    }
  };
  walk(gate.left);
  walk(gate.right);
  return out;
}
