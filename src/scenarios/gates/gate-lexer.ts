import { exactFrom, mul, exact, type Exact } from './exact.js';
import { COMPARISONS, type Comparison, type GateProblem, type LiteralDim } from './gate-ast.js';

export type Token =
  | {
      readonly kind: 'number';
      readonly start: number;
      readonly end: number;
      readonly value: Exact;
      readonly dim: LiteralDim;
    }
  | {
      readonly kind: 'metric';
      readonly start: number;
      readonly end: number;
      readonly name: string;
      readonly selector?: string;
    }
  | {
      readonly kind: 'op';
      readonly start: number;
      readonly end: number;
      readonly op: (typeof OPERATORS)[number];
    }
  | {
      readonly kind: 'compare';
      readonly start: number;
      readonly end: number;
      readonly op: Comparison;
    }
  | { readonly kind: 'end'; readonly start: number; readonly end: number };

/** A unit after a number: its dimension and what one of it is in the base unit. */
const UNITS: Readonly<Record<string, { readonly dim: LiteralDim; readonly factor: Exact }>> = {
  ms: { dim: 'ms', factor: exact(1n) },
  s: { dim: 'ms', factor: exact(1_000n) },
  m: { dim: 'ms', factor: exact(60_000n) },
  h: { dim: 'ms', factor: exact(3_600_000n) },
  d: { dim: 'ms', factor: exact(86_400_000n) },
  '%': { dim: 'ratio', factor: exact(1n, 100n) },
  sat: { dim: 'sats', factor: exact(1n) },
  sats: { dim: 'sats', factor: exact(1n) },
  ...hashrateUnits(),
};

const OPERATORS = ['+', '-', '*', '/', '(', ')'] as const;

/** H, kH ... EH, each with or without '/s': powers of 1000, as pools quote hashrate. */
function hashrateUnits(): Record<string, { readonly dim: LiteralDim; readonly factor: Exact }> {
  const powers: readonly (readonly [string, bigint])[] = [
    ['', 0n],
    ['k', 3n],
    ['K', 3n],
    ['M', 6n],
    ['G', 9n],
    ['T', 12n],
    ['P', 15n],
    ['E', 18n],
  ];
  const units: Record<string, { readonly dim: LiteralDim; readonly factor: Exact }> = {};
  for (const [prefix, power] of powers) {
    const unit = { dim: 'H/s' as const, factor: exact(10n ** power) };
    units[`${prefix}H`] = unit;
    units[`${prefix}H/s`] = unit;
  }
  return units;
}

export const UNIT_NAMES = 'ms, s, m, h, d, %, sats, H/s (kH/s ... EH/s)';

const NUMBER_RE = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const UNIT_RE = /[A-Za-z%][A-Za-z/]*/y;
const METRIC_RE = /([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)(?:\(\s*([^()\s]*)\s*\))?/y;

/** Splits a gate into tokens, or says where it cannot. */
export function lexGate(
  text: string,
): { ok: true; tokens: Token[] } | ({ ok: false } & GateProblem) {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const compare = COMPARISONS.find((c) => text.startsWith(c, i));
    if (compare !== undefined) {
      tokens.push({ kind: 'compare', start: i, end: i + compare.length, op: compare });
      i += compare.length;
      continue;
    }
    const op = OPERATORS.find((o) => o === ch);
    if (op !== undefined) {
      tokens.push({ kind: 'op', start: i, end: i + 1, op });
      i++;
      continue;
    }
    NUMBER_RE.lastIndex = i;
    const number = NUMBER_RE.exec(text);
    if (number !== null) {
      const lexed = numberToken(text, i, number[0]);
      if (!lexed.ok) return lexed;
      tokens.push(lexed.token);
      i = lexed.token.end;
      continue;
    }
    METRIC_RE.lastIndex = i;
    const metric = METRIC_RE.exec(text);
    if (metric !== null) {
      const [whole, name = '', selector] = metric;
      if (selector === '')
        return {
          ok: false,
          offset: i + name.length,
          message: 'expected a farm id or behaviour class inside ( )',
        };
      tokens.push({
        kind: 'metric',
        start: i,
        end: i + whole.length,
        name,
        ...(selector === undefined ? {} : { selector }),
      });
      i += whole.length;
      continue;
    }
    return {
      ok: false,
      offset: i,
      message: `unexpected '${ch}': expected a metric, a number or an operator`,
    };
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return { ok: true, tokens };
}

function numberToken(
  text: string,
  start: number,
  digits: string,
): { ok: true; token: Token } | ({ ok: false } & GateProblem) {
  const value = exactFrom(digits);
  if (value === undefined)
    return { ok: false, offset: start, message: `'${digits}' is not a number` };
  let end = start + digits.length;
  UNIT_RE.lastIndex = end;
  const unitText = UNIT_RE.exec(text)?.[0];
  if (unitText === undefined) {
    const dim = value.num === 0n ? 'zero' : 'scalar';
    return { ok: true, token: { kind: 'number', start, end, value, dim } };
  }
  const unit = UNITS[unitText];
  if (unit === undefined) {
    return {
      ok: false,
      offset: end,
      message: `unknown unit '${unitText}': expected one of ${UNIT_NAMES}`,
    };
  }
  end += unitText.length;
  return {
    ok: true,
    token: { kind: 'number', start, end, value: mul(value, unit.factor), dim: unit.dim },
  };
}
