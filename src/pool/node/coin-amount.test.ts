import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coinTextToSats, satsToCoinText } from './coin-amount.js';

const MAX_SUPPLY_SATS = 21_000_000n * 100_000_000n;

describe('coin amounts', () => {
  it('writes 8 decimals exactly, as bitcoind does', () => {
    // Arrange / Act / Assert
    expect(satsToCoinText(123_456_789n)).toBe('1.23456789');
    expect(satsToCoinText(0n)).toBe('0.00000000');
    expect(satsToCoinText(1n)).toBe('0.00000001');
    expect(satsToCoinText(MAX_SUPPLY_SATS)).toBe('21000000.00000000');
    expect(satsToCoinText(-5n)).toBe('-0.00000005');
    expect(satsToCoinText(1234n, 2)).toBe('12.34');
    expect(satsToCoinText(1234n, 0)).toBe('1234');
  });

  it('reads the literals daemons and other JSON writers produce', () => {
    expect(coinTextToSats('1.23456789')).toBe(123_456_789n);
    expect(coinTextToSats('50.00000000')).toBe(5_000_000_000n);
    expect(coinTextToSats('50')).toBe(5_000_000_000n);
    expect(coinTextToSats('0.1')).toBe(10_000_000n);
    expect(coinTextToSats('1e-8')).toBe(1n);
    expect(coinTextToSats('1.5E+1')).toBe(1_500_000_000n);
    expect(coinTextToSats('-0.00000001')).toBe(-1n);
    expect(coinTextToSats('-0')).toBe(0n);
  });

  it('refuses what is not a whole number of sats or not a JSON number', () => {
    for (const bad of [
      '0.000000001',
      '1e-9',
      '',
      '1.',
      '.5',
      '01',
      '+1',
      '1e',
      'NaN',
      '1,5',
      ' 1',
    ]) {
      expect(coinTextToSats(bad), bad).toBeUndefined();
    }
    expect(coinTextToSats('1e999999')).toBeUndefined();
  });

  it('does not lose the sat a float would (0.1 + 0.2 style amounts)', () => {
    // 20999999.99999999 is not representable as a double: Number() rounds it to 21000000.
    expect(coinTextToSats('20999999.99999999')).toBe(MAX_SUPPLY_SATS - 1n);
    expect(satsToCoinText(MAX_SUPPLY_SATS - 1n)).toBe('20999999.99999999');
  });

  it('property: sats -> text -> sats is the identity for 0..21e6 coins', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_SUPPLY_SATS }), (sats) => {
        const text = satsToCoinText(sats);
        expect(text).toMatch(/^\d+\.\d{8}$/);
        expect(coinTextToSats(text)).toBe(sats);
      }),
    );
  });

  it('property: the round trip holds far beyond the supply, negative, and at other precisions', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }),
        fc.integer({ min: 0, max: 18 }),
        (sats, decimals) => {
          expect(coinTextToSats(satsToCoinText(sats, decimals), decimals)).toBe(sats);
        },
      ),
    );
  });

  it('property: an exponent form and its trailing zeros mean the same amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_SUPPLY_SATS }),
        fc.integer({ min: 0, max: 6 }),
        (sats, zeros) => {
          // sats * 10^-8 written as "<sats><zeros>e-<8+zeros>"
          const mantissa = sats === 0n ? '0' : `${sats.toString()}${'0'.repeat(zeros)}`;
          const text = `${mantissa}e-${8 + zeros}`;
          expect(coinTextToSats(text)).toBe(sats);
        },
      ),
    );
  });
});
