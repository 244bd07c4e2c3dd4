import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPplns } from '../../core/payouts/split.js';
import { selectWindow } from '../../core/payouts/window.js';
import { collectWindow } from './pplns-window.js';

const sharesArb = fc.array(
  fc.record({
    account: fc.constantFrom('a', 'b', 'c', 'd'),
    work: fc.bigInt({ min: 1n, max: 1n << 70n }),
  }),
  { maxLength: 40 },
);

describe('collectWindow', () => {
  it('property: sums per account exactly the window selectWindow picks, so splits agree', async () => {
    await fc.assert(
      fc.asyncProperty(
        sharesArb,
        fc.bigInt({ min: 0n, max: 1n << 74n }),
        fc.bigInt({ min: 0n, max: 1n << 60n }),
        fc.integer({ min: 0, max: 10_000 }),
        async (shares, windowWork, rewardSats, feeBps) => {
          // Arrange
          const stored = shares.map((s, i) => ({ ...s, id: BigInt(shares.length - i) }));
          // Act
          const window = await collectWindow(stored, windowWork);
          const picked = selectWindow(shares, windowWork);
          // Assert
          expect(splitPplns(window.byAccount, rewardSats, feeBps)).toEqual(
            splitPplns(picked, rewardSats, feeBps),
          );
          expect(window.shareCount).toBe(picked.length);
          expect(window.work).toBe(picked.reduce((s, x) => s + x.work, 0n));
          expect(window.oldestShareId).toBe(
            picked.length === 0 ? undefined : BigInt(shares.length - picked.length + 1),
          );
        },
      ),
    );
  });

  it('refuses a negative window and a share without work, as selectWindow does', async () => {
    await expect(collectWindow([], -1n)).rejects.toThrow(RangeError);
    await expect(collectWindow([{ id: 1n, account: 'a', work: 0n }], 5n)).rejects.toThrow(
      RangeError,
    );
  });
});
