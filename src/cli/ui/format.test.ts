import { describe, expect, it } from 'vitest';
import {
  formatClockTime,
  formatCompactCount,
  formatCount,
  formatCountWithin,
  formatDuration,
  formatHashrate,
  formatLatency,
  formatPercent,
  formatSats,
  formatScaled,
  formatSpeedup,
  isZeroSats,
} from './format.js';

describe('formatHashrate', () => {
  it.each([
    [0, '0 H/s'],
    [5, '5 H/s'],
    [999, '999 H/s'],
    [1000, '1 kH/s'],
    [12_345, '12.3 kH/s'],
    [250_000_000, '250 MH/s'],
    [59_500_000, '59.5 MH/s'],
    [12_300_000_000, '12.3 GH/s'],
    [1_870_000_000_000, '1.87 TH/s'],
    [2e15, '2 PH/s'],
    [3.2e18, '3.2 EH/s'],
    // 999.95 kH/s rounds to '1000 kH/s': that is 1 MH/s.
    [999_950, '1 MH/s'],
    [Number.NaN, 'n/a'],
    [Number.POSITIVE_INFINITY, 'n/a'],
  ])('%d -> %s', (hashesPerSec, text) => {
    expect(formatHashrate(hashesPerSec)).toBe(text);
  });
});

describe('formatScaled and formatCompactCount', () => {
  it.each([
    [41_253_910.5, '41.3M'],
    [86_871_474_313_761.7, '86.9T'],
    [0.0125, '0.0125'],
    [100, '100'],
    [-2500, '-2.5k'],
  ])('formatScaled(%d) -> %s', (value, text) => {
    expect(formatScaled(value)).toBe(text);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1k'],
    [3990, '3.99k'],
    [12_345, '12.3k'],
    [4_500_000, '4.5M'],
  ])('formatCompactCount(%d) -> %s', (count, text) => {
    expect(formatCompactCount(count)).toBe(text);
  });

  it.each([
    [99_999, 6, '99,999'],
    [100_000, 6, '100k'],
    [1000, 6, '1,000'],
    [1_234_567, 8, '1.23M'],
    [1_234_567, 9, '1,234,567'],
  ])('formatCountWithin(%d, %d) -> %s', (count, width, text) => {
    expect(formatCountWithin(count, width)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [350, '350ms'],
    [999.9, '999ms'],
    [1000, '1s'],
    [45_000, '45s'],
    [60_000, '1m'],
    [125_000, '2m05s'],
    [3_600_000, '1h'],
    [3_720_000, '1h02m'],
    // Rounded down, as a clock is: 1h02m59s is still 1h02m.
    [3_779_000, '1h02m'],
    [21_600_000, '6h'],
    [86_400_000, '1d'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d04h'],
    [-5, '0s'],
    [Number.NaN, 'n/a'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatLatency and formatClockTime', () => {
  it.each([
    [0.42, '0.42ms'],
    [1.2, '1.2ms'],
    [9.8, '9.8ms'],
    [31.5, '31.5ms'],
    [120, '120ms'],
    [1500, '1.5s'],
    [-1, 'n/a'],
  ])('formatLatency(%d) -> %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });

  it.each([
    [0, '00:00:00'],
    [125_999, '00:02:05'],
    [3_000_000, '00:50:00'],
    [86_400_000 + 3 * 3_600_000, '1d 03:00:00'],
  ])('formatClockTime(%d) -> %s', (ms, text) => {
    expect(formatClockTime(ms)).toBe(text);
  });
});

describe('formatPercent', () => {
  it.each([
    [0.98765, 1, '98.8%'],
    [0.98765, 2, '98.77%'],
    [1, 1, '100%'],
    [0, 1, '0%'],
    [0.5, 1, '50%'],
    // Not exactly 1 or 0: never shown as if it were.
    [0.99996, 1, '99.9%'],
    [0.00001, 1, '0.1%'],
    [0.994, 0, '99%'],
    [Number.NaN, 1, 'n/a'],
  ])('%d (%d decimals) -> %s', (ratio, decimals, text) => {
    expect(formatPercent(ratio, decimals)).toBe(text);
  });
});

describe('formatCount and formatSpeedup', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1_234_567, '1,234,567'],
    [-1_234_567, '-1,234,567'],
    [2_841_305.4, '2,841,305'],
    [1e21, '1,000,000,000,000,000,000,000'],
    [Number.NaN, 'n/a'],
  ])('formatCount(%d) -> %s', (count, text) => {
    expect(formatCount(count)).toBe(text);
  });

  it.each([
    [3600, 'x3,600'],
    [86_400.4, 'x86,400'],
    [2.5, 'x2.5'],
    [1, 'x1'],
    [0.96, 'x1'],
    [0, 'xn/a'],
    [Number.POSITIVE_INFINITY, 'xn/a'],
  ])('formatSpeedup(%d) -> %s', (speedup, text) => {
    expect(formatSpeedup(speedup)).toBe(text);
  });
});

describe('formatSats', () => {
  it.each<[string | bigint, string]>([
    ['0', '0 sats'],
    ['1', '1 sat'],
    ['1234567', '1,234,567 sats'],
    ['-35', '-35 sats'],
    ['-0', '0 sats'],
    ['000120', '120 sats'],
    ['123456789012345678901234567890', '123,456,789,012,345,678,901,234,567,890 sats'],
    [10_000_000_000n, '10,000,000,000 sats'],
    ['1.5', '1.5 sats'],
  ])('%s -> %s', (sats, text) => {
    expect(formatSats(sats)).toBe(text);
  });

  it.each<[string | bigint, boolean]>([
    ['0', true],
    ['-0', true],
    [' 000 ', true],
    [0n, true],
    ['10', false],
    [1n, false],
    ['', false],
  ])('isZeroSats(%s) is %s', (sats, zero) => {
    expect(isZeroSats(sats)).toBe(zero);
  });
});
