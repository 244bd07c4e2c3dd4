import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('property: never grants more than burst + rate * elapsed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 300 }),
        (rate, burst, gaps) => {
          const bucket = new TokenBucket({ ratePerSecond: rate, burst }, 0);
          let now = 0;
          let granted = 0;
          for (const g of gaps) {
            now += g;
            if (bucket.take(now)) granted++;
          }
          expect(granted).toBeLessThanOrEqual(burst + Math.floor((rate * now) / 1000) + 1);
        },
      ),
    );
  });

  it('refills over time and ignores a clock that goes back', () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 2 }, 1000);
    expect([bucket.take(1000), bucket.take(1000), bucket.take(1000)]).toEqual([true, true, false]);
    expect(bucket.take(500)).toBe(false);
    expect(bucket.take(1500)).toBe(true);
  });
});
