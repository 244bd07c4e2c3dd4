import { compileGate } from '../gates/compile-gate.js';
import type { Gate } from '../gates/gate-ast.js';
import type { GateContext } from '../gates/gate-check.js';
import { FIDELITIES } from '../schema/fidelity.js';
import type { Problem } from './scenario-error.js';

/** Compiles each gate written as text; anything else is the schema's to report. */
export function compileGates(
  sources: readonly unknown[],
  context: GateContext,
): { gates: Gate[]; problems: Problem[] } {
  const gates: Gate[] = [];
  const problems: Problem[] = [];
  sources.forEach((source, index) => {
    if (typeof source !== 'string') return;
    const compiled = compileGate(source, context);
    if (compiled.ok) gates.push(compiled.gate);
    else {
      for (const { offset, message } of compiled.problems) {
        problems.push({ path: ['gates', index], offset, message });
      }
    }
  });
  return { gates, problems };
}

/**
 * Gate problems in a document the schema refused: the gates are still worth checking, as
 * far as the rest allows (no farm ids to check selectors against).
 */
export function gateProblemsOfRaw(raw: unknown): Problem[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const { gates, fidelity } = raw as { gates?: unknown; fidelity?: unknown };
  if (!Array.isArray(gates)) return [];
  const known = FIDELITIES.find((f) => f === fidelity);
  return compileGates(gates, known === undefined ? {} : { fidelity: known }).problems;
}
