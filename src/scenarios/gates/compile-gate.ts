import type { Gate, GateProblem } from './gate-ast.js';
import { checkGate, type GateContext } from './gate-check.js';
import { parseGate } from './gate-parser.js';

export type GateCompile =
  | { readonly ok: true; readonly gate: Gate }
  | { readonly ok: false; readonly problems: readonly GateProblem[] };

/** Parses a gate and checks it against its scenario: what the loader runs on each gate. */
export function compileGate(source: string, context: GateContext): GateCompile {
  const parsed = parseGate(source);
  if (!parsed.ok)
    return { ok: false, problems: [{ offset: parsed.offset, message: parsed.message }] };
  const problems = checkGate(parsed.gate, context);
  return problems.length === 0 ? { ok: true, gate: parsed.gate } : { ok: false, problems };
}
