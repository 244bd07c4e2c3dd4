import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compareExact, div, exact, exactFrom, exactToText, mul, sub } from './exact.js';

describe('exact rationals', () => {
  it('reads decimals and numbers as the decimal they print as', () => {
    expect(exactFrom('0.98')).toEqual({ num: 49n, den: 50n });
    expect(exactFrom(98 / 100)).toEqual({ num: 49n, den: 50n });
    expect(exactFrom(-2)).toEqual({ num: -2n, den: 1n });
    expect(exactFrom(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(exactFrom(Number.NaN)).toBeUndefined();
    expect(exactFrom('abc')).toBeUndefined();
  });

  it('compares 98/100 with 0.98 as equal, where floats would not promise it', () => {
    expect(compareExact(exact(98n, 100n), exactFrom('0.98') ?? exact(0n))).toBe(0);
  });

  it('does field arithmetic exactly (a - b + b == a, a * b / b == a)', () => {
    const arb = fc
      .tuple(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
      )
      .map(([n, d]) => exact(n, d));
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(add(sub(a, b), b)).toEqual(a);
        const back = b.num === 0n ? a : div(mul(a, b), b);
        expect(back).toEqual(a);
        expect(div(a, exact(0n))).toBeUndefined();
      }),
    );
  });

  it.each([
    [exact(49n, 50n), '0.98'],
    [exact(1n, 3n), '~0.333333'],
    [exact(2n, 3n), '~0.666667'],
    [exact(-1n, 8n), '-0.125'],
    [exact(25_000n), '25000'],
    [exact(-1n, 10n ** 9n), '~0'],
  ])('writes %o as %s', (value, text) => {
    expect(exactToText(value)).toBe(text);
  });
});
