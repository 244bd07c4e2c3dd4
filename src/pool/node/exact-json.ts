import { satsToCoinText } from './coin-amount.js';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A JSON number kept as its literal text. JSON.stringify cannot write `1.23456789` from a
 * bigint, and Node 20's JSON.parse gives revivers no source text, so amounts travel as
 * literals both ways.
 */
export class JsonNumber {
  readonly text: string;

  constructor(text: string) {
    if (!JSON_NUMBER.test(text)) throw new RangeError(`not a JSON number: ${text.slice(0, 40)}`);
    this.text = text;
  }

  /** A coin amount written exactly, e.g. `JsonNumber.ofSats(123456789n)` -> `1.23456789`. */
  static ofSats(sats: bigint, decimals?: number): JsonNumber {
    return new JsonNumber(satsToCoinText(sats, decimals));
  }
}

/** What `stringifyExact` can write: plain JSON plus verbatim number literals. */
export type ExactJson =
  | null
  | boolean
  | number
  | string
  | JsonNumber
  | readonly ExactJson[]
  | { readonly [key: string]: ExactJson | undefined };

/** JSON.stringify, except JsonNumber literals are written as they are. */
export function stringifyExact(value: ExactJson): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write ${value} as JSON`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${(value as readonly ExactJson[]).map(stringifyExact).join(',')}]`;
  }
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) parts.push(`${JSON.stringify(k)}:${stringifyExact(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * JSON.parse, except every number comes back as a JsonNumber holding its literal text.
 * Throws SyntaxError on malformed input.
 */
export function parseExact(text: string): unknown {
  const p = new ExactParser(text);
  const value = p.value();
  p.end();
  return value;
}

const NUMBER_AT = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// Escapes and control characters are checked by JSON.parse of the matched token.
const STRING_AT = /"(?:[^"\\]|\\.)*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

class ExactParser {
  private i = 0;

  constructor(private readonly s: string) {}

  value(): unknown {
    this.skip();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    throw this.error('a value');
  }

  end(): void {
    this.skip();
    if (this.i !== this.s.length) throw this.error('the end of the text');
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    if (this.eat('}')) return out;
    do {
      this.skip();
      const key = this.string();
      if (!this.eat(':')) throw this.error("':'");
      // defineProperty, so a "__proto__" key stays data instead of changing the prototype.
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } while (this.eat(','));
    if (!this.eat('}')) throw this.error("',' or '}'");
    return out;
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    if (this.eat(']')) return out;
    do out.push(this.value());
    while (this.eat(','));
    if (!this.eat(']')) throw this.error("',' or ']'");
    return out;
  }

  private string(): string {
    const token = this.match(STRING_AT, 'a string');
    return JSON.parse(token) as string;
  }

  private number(): JsonNumber {
    return new JsonNumber(this.match(NUMBER_AT, 'a number'));
  }

  private match(re: RegExp, what: string): string {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) throw this.error(what);
    this.i = re.lastIndex;
    return m[0];
  }

  private eat(c: string): boolean {
    this.skip();
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }

  private skip(): void {
    WHITESPACE.lastIndex = this.i;
    WHITESPACE.exec(this.s);
    this.i = WHITESPACE.lastIndex;
  }

  private error(expected: string): SyntaxError {
    return new SyntaxError(`JSON: expected ${expected} at offset ${this.i}`);
  }
}
