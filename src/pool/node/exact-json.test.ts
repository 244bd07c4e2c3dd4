import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber, parseExact, stringifyExact } from './exact-json.js';

/** Replaces every JsonNumber by the double JSON.parse would have made of it. */
function toPlain(v: unknown): unknown {
  if (v instanceof JsonNumber) return JSON.parse(v.text) as number;
  if (Array.isArray(v)) return v.map(toPlain);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  }
  return v;
}

describe('exact JSON', () => {
  it('writes amount literals verbatim inside ordinary JSON', () => {
    // Arrange
    const params = [
      '',
      { addr1: JsonNumber.ofSats(123_456_789n), addr2: JsonNumber.ofSats(1n) },
      1,
    ];
    // Act
    const text = stringifyExact(params);
    // Assert
    expect(text).toBe('["",{"addr1":1.23456789,"addr2":0.00000001},1]');
  });

  it('reads numbers as their literal text, keeping digits a double would drop', () => {
    const v = parseExact('{"result":20999999.99999999,"error":null,"id":1}') as Record<
      string,
      unknown
    >;
    expect(v['result']).toEqual(new JsonNumber('20999999.99999999'));
    expect(v['error']).toBeNull();
  });

  it('keeps a "__proto__" key as data', () => {
    const v = parseExact('{"__proto__":{"x":1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
  });

  it('rejects malformed text with a SyntaxError', () => {
    for (const bad of [
      '',
      '{',
      '[1,]',
      '{"a" 1}',
      '01',
      'tru',
      '"\\x"',
      '1 2',
      '{"a":1,}',
      '"a\u0001b"',
    ]) {
      expect(() => parseExact(bad), bad).toThrow(SyntaxError);
    }
    expect(() => new JsonNumber('1.')).toThrow(RangeError);
    expect(() => stringifyExact(Number.NaN)).toThrow(RangeError);
  });

  it('property: parses whatever JSON.parse parses, to the same values', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(toPlain(parseExact(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it('property: parse then write gives back canonical JSON text unchanged', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(stringifyExact(parseExact(text) as never)).toBe(text);
      }),
    );
  });

  it('property: writes plain values exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyExact(value as never)).toBe(JSON.stringify(value));
      }),
    );
  });
});
