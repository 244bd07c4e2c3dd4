import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { backoffDelayMs, DEFAULT_BACKOFF, sleep } from './backoff.js';

describe('back-off', () => {
  it('doubles from the initial delay up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, DEFAULT_BACKOFF));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
    expect(() => backoffDelayMs(0, DEFAULT_BACKOFF)).toThrow(RangeError);
  });

  it('property: never decreases and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 2_000 }),
        (initialMs, extraMs, factor, retry) => {
          const policy = { initialMs, maxMs: initialMs + extraMs, factor };
          const d = backoffDelayMs(retry, policy);
          expect(d).toBeLessThanOrEqual(policy.maxMs);
          expect(d).toBeGreaterThanOrEqual(initialMs);
          expect(backoffDelayMs(retry + 1, policy)).toBeGreaterThanOrEqual(d);
        },
      ),
    );
  });

  it('sleeps on the injected scheduler and stops early on abort', async () => {
    // Arrange
    const vt = new VirtualTime(0);
    const ac = new AbortController();
    const full = sleep(vt, 50);
    const cut = sleep(vt, 1_000, ac.signal);
    // Act
    await vt.advanceBy(50);
    ac.abort();
    // Assert
    await expect(full).resolves.toBe(true);
    await expect(cut).resolves.toBe(false);
    expect(vt.pending).toBe(0);
    await expect(sleep(vt, 10, ac.signal)).resolves.toBe(false);
  });
});
