import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.js';

describe('isoTime', () => {
  it('formats known instants as ISO 8601 UTC', () => {
    expect(isoTime(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(isoTime(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(isoTime(1_735_689_600_000)).toBe('2025-01-01T00:00:00.000Z');
    expect(isoTime(951_782_400_000 + 45_296_789)).toBe('2000-02-29T12:34:56.789Z');
    expect(isoTime(4_102_444_799_999)).toBe('2099-12-31T23:59:59.999Z');
  });

  it('counts days the Gregorian way: each day is 86,400,000 ms after the one before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), (day) => {
        const today = isoTime(day * 86_400_000).slice(0, 10);
        const tomorrow = isoTime((day + 1) * 86_400_000).slice(0, 10);
        expect(tomorrow > today).toBe(true);
        expect(isoTime(day * 86_400_000 + 86_399_999).slice(0, 10)).toBe(today);
      }),
    );
  });
});
