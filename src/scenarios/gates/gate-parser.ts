import type { Gate, GateExpr, GateProblem } from './gate-ast.js';
import { lexGate, type Token } from './gate-lexer.js';

export type GateParse =
  { readonly ok: true; readonly gate: Gate } | ({ readonly ok: false } & GateProblem);

/**
 * gate   := expr compare expr
 * expr   := term (('+' | '-') term)*
 * term   := factor (('*' | '/') factor)*
 * factor := number[unit] | metric['(' selector ')'] | '(' expr ')' | '-' factor
 */
export function parseGate(source: string): GateParse {
  const lexed = lexGate(source);
  if (!lexed.ok) return lexed;
  const parser = new Parser(lexed.tokens);
  try {
    const left = parser.expr();
    const compare = parser.peek();
    if (compare.kind !== 'compare') {
      throw problem(compare, 'expected a comparison (>=, <=, >, <, ==, !=)');
    }
    parser.advance();
    const right = parser.expr();
    const end = parser.peek();
    if (end.kind !== 'end')
      throw problem(end, `unexpected '${source.slice(end.start, end.end)}' after the threshold`);
    return { ok: true, gate: { source, left, comparison: compare.op, right } };
  } catch (error) {
    if (error instanceof GateSyntaxError)
      return { ok: false, offset: error.offset, message: error.message };
    throw error;
  }
}

class GateSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function problem(token: Token, message: string): GateSyntaxError {
  return new GateSyntaxError(
    token.start,
    token.kind === 'end' ? `${message}, found the end` : message,
  );
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    const token = this.tokens[this.index] ?? this.tokens[this.tokens.length - 1];
    if (token === undefined) throw new GateSyntaxError(0, 'empty gate');
    return token;
  }

  advance(): void {
    this.index++;
  }

  expr(): GateExpr {
    let left = this.term();
    for (let t = this.peek(); t.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.advance();
      const right = this.term();
      left = { kind: 'binary', op: t.op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private term(): GateExpr {
    let left = this.factor();
    for (let t = this.peek(); t.kind === 'op' && (t.op === '*' || t.op === '/'); t = this.peek()) {
      this.advance();
      const right = this.factor();
      left = { kind: 'binary', op: t.op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private factor(): GateExpr {
    const t = this.peek();
    this.advance();
    switch (t.kind) {
      case 'number':
        return { kind: 'literal', value: t.value, dim: t.dim, start: t.start, end: t.end };
      case 'metric':
        return {
          kind: 'metric',
          name: t.name,
          ...(t.selector === undefined ? {} : { selector: t.selector }),
          start: t.start,
          end: t.end,
        };
      case 'op':
        if (t.op === '-') {
          const operand = this.factor();
          return { kind: 'negate', operand, start: t.start, end: operand.end };
        }
        if (t.op === '(') {
          const inner = this.expr();
          const close = this.peek();
          if (close.kind !== 'op' || close.op !== ')') throw problem(close, "expected ')'");
          this.advance();
          return { ...inner, start: t.start, end: close.end };
        }
        break;
      default:
        break;
    }
    throw problem(t, 'expected a metric or a number');
  }
}
