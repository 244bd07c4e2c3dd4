import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { satsToCoinText } from '../../../pool/node/coin-amount.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import { readAmount } from './amount-param.js';

const MAX_MONEY = 21_000_000n * 100_000_000n;

describe('readAmount (AmountFromValue on literal text)', () => {
  it('reads every amount in money range exactly, as a number literal or a string', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_MONEY }), (sats) => {
        // Arrange
        const text = satsToCoinText(sats);
        // Act
        const asNumber = readAmount(new JsonNumber(text));
        const asString = readAmount(text);
        // Assert
        expect(asNumber).toEqual({ kind: 'amount', sats });
        expect(asString).toEqual({ kind: 'amount', sats });
      }),
    );
  });

  it('never rounds: a ninth decimal that is not zero is an invalid amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_MONEY - 1n }),
        fc.integer({ min: 1, max: 9 }),
        (sats, digit) => {
          const text = `${satsToCoinText(sats)}${digit}`;
          expect(readAmount(new JsonNumber(text))).toEqual({
            kind: 'error',
            code: -3,
            message: 'Invalid amount',
          });
        },
      ),
    );
  });

  it('takes exponents and trailing zeros as written, and refuses what is out of range', () => {
    expect(readAmount(new JsonNumber('1e-8'))).toEqual({ kind: 'amount', sats: 1n });
    expect(readAmount(new JsonNumber('0.1000000000'))).toEqual({
      kind: 'amount',
      sats: 10_000_000n,
    });
    expect(readAmount(new JsonNumber('-0.1'))).toMatchObject({ message: 'Amount out of range' });
    expect(readAmount(new JsonNumber('21000000.00000001'))).toMatchObject({
      message: 'Amount out of range',
    });
    expect(readAmount(true)).toMatchObject({
      code: -3,
      message: 'Amount is not a number or string',
    });
    expect(readAmount('one')).toMatchObject({ code: -3, message: 'Invalid amount' });
  });
});
