import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';
import { parseHashrate } from './hashrate.js';
import { parseMultiplier } from './multiplier.js';
import { parsePercentBps } from './percent.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['90s', 90_000],
    ['5m', 300_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['0.001s', 1],
    ['0s', 0],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(['6 hours', '90', 's', '1.5ms', '0.0001s', '-1s', '1h 30m', ''])(
    'refuses %j, saying what it expected',
    (text) => {
      const parsed = parseDuration(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.expected.length).toBeGreaterThan(0);
    },
  );

  it('formats whole milliseconds back to text that parses to the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toEqual({ ok: true, value: ms });
      }),
    );
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('parseHashrate', () => {
  it.each([
    ['400GH', 400_000_000_000n],
    ['2PH', 2_000_000_000_000_000n],
    ['1.5 TH/s', 1_500_000_000_000n],
    ['950kH', 950_000n],
    ['950KH/s', 950_000n],
    ['3EH', 3n * 10n ** 18n],
    ['0H', 0n],
    ['12H/s', 12n],
  ])('reads %s exactly as %d H/s', (text, hashes) => {
    expect(parseHashrate(text)).toEqual({ ok: true, value: hashes });
  });

  it.each(['400GB', '400', '1.5H', 'GH', '2 P H'])('refuses %j', (text) => {
    expect(parseHashrate(text).ok).toBe(false);
  });
});

describe('parsePercentBps', () => {
  it.each([
    ['1%', 100],
    ['0.25%', 25],
    ['100%', 10_000],
    ['0%', 0],
    ['1.50%', 150],
  ])('reads %s as %d bps', (text, bps) => {
    expect(parsePercentBps(text)).toEqual({ ok: true, value: bps });
  });

  it.each(['1', '0.01', '1.005%', '101%', '-1%', '%'])('refuses %j', (text) => {
    expect(parsePercentBps(text).ok).toBe(false);
  });
});

describe('parseMultiplier', () => {
  it('reads factors exactly, in lowest terms', () => {
    expect(parseMultiplier('2x')).toEqual({ ok: true, value: { num: 2n, den: 1n } });
    expect(parseMultiplier('1.5x')).toEqual({ ok: true, value: { num: 3n, den: 2n } });
    expect(parseMultiplier('0.25x')).toEqual({ ok: true, value: { num: 1n, den: 4n } });
  });

  it.each(['0x', '2', 'x', '2X', '-1x'])('refuses %j', (text) => {
    expect(parseMultiplier(text).ok).toBe(false);
  });
});
