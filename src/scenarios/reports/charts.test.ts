import { describe, expect, it } from 'vitest';
import { bar, resample, sparkline } from './charts.js';
import { cell, code, formatClock, formatHashrate, formatPercent } from './format.js';

describe('text charts', () => {
  it('draws a sparkline from lowest to highest, gaps as spaces', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([1, null, 1])).toBe('█ █');
    expect(sparkline([])).toBe('');
    expect(sparkline([null])).toBe('');
  });

  it('averages long series into at most the width', () => {
    expect(resample([1, 3, 5, 7], 2)).toEqual([2, 6]);
    expect(resample([1, null, null, null], 2)).toEqual([1, null]);
    expect(sparkline(Array.from({ length: 1000 }, (_, i) => i), 50)).toHaveLength(50);
  });

  it('draws bars in proportion, at least one block for any positive count', () => {
    expect(bar(10, 10, 4)).toBe('████');
    expect(bar(1, 1000, 4)).toBe('█');
    expect(bar(0, 10)).toBe('');
  });
});

describe('report formatting', () => {
  it.each([
    [0, '00:00:00'],
    [90_250, '00:01:30.250'],
    [3_600_000, '01:00:00'],
    [90_000_000, '1d 01:00:00'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it('writes hashrates with SI prefixes and ratios as percentages', () => {
    expect(formatHashrate(12_300_000_000)).toBe('12.3 GH/s');
    expect(formatHashrate(950)).toBe('950 H/s');
    expect(formatPercent(0.98765)).toBe('98.77%');
  });

  it('escapes table cells and code spans', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    expect(code('x')).toBe('`x`');
    expect(code('`x`')).toBe('`` `x` ``');
  });
});
