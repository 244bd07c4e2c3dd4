import type { Exact } from './exact.js';

export const COMPARISONS = ['>=', '<=', '==', '!=', '>', '<'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/**
 * The dimension of a literal: what its unit says. `scalar` is a bare number; `zero` is a
 * bare 0, which compares with anything (`switch_downtime == 0`).
 */
export type LiteralDim = 'scalar' | 'zero' | 'ratio' | 'ms' | 'sats' | 'H/s';

/** Offsets are UTF-16 indices into the gate's text: where to point an error. */
interface Span {
  readonly start: number;
  readonly end: number;
}

export type GateExpr =
  | (Span & {
      readonly kind: 'literal';
      /** In the dimension's base unit: ms, a ratio (98% is 0.98), H/s, sats. */
      readonly value: Exact;
      readonly dim: LiteralDim;
    })
  | (Span & { readonly kind: 'metric'; readonly name: string; readonly selector?: string })
  | (Span & {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/';
      readonly left: GateExpr;
      readonly right: GateExpr;
    })
  | (Span & { readonly kind: 'negate'; readonly operand: GateExpr });

/** A gate as written and as parsed: `left comparison right`. */
export interface Gate {
  readonly source: string;
  readonly left: GateExpr;
  readonly comparison: Comparison;
  readonly right: GateExpr;
}

/** Where and why a gate was refused; `offset` indexes into its text. */
export interface GateProblem {
  readonly offset: number;
  readonly message: string;
}
