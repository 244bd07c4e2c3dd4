import { describe, expect, it } from 'vitest';
import { comparePplnsSplits } from './compare.js';
import { splitPplns } from './split.js';

describe('comparePplnsSplits', () => {
  it('finds a split equal to itself and to a reference that lists zero credits', () => {
    // Arrange
    const actual = splitPplns(
      [
        { account: 'a', work: 1n },
        { account: 'b', work: 1n },
        { account: 'c', work: 1n },
      ],
      1n,
      0,
    );
    const reference = {
      credits: [
        { account: 'c', amountSats: 0n },
        { account: 'a', amountSats: 1n },
        { account: 'b', amountSats: 0n },
      ],
      feeSats: 0n,
    };

    // Act / Assert
    expect(comparePplnsSplits(actual, actual)).toEqual({ kind: 'equal' });
    expect(comparePplnsSplits(reference, actual)).toEqual({ kind: 'equal' });
  });

  it('reports each differing account and the total absolute error', () => {
    // Arrange
    const expected = {
      credits: [
        { account: 'a', amountSats: 50n },
        { account: 'b', amountSats: 49n },
      ],
      feeSats: 1n,
    };
    const actual = {
      credits: [
        { account: 'c', amountSats: 3n },
        { account: 'a', amountSats: 50n },
        { account: 'b', amountSats: 45n },
      ],
      feeSats: 2n,
    };

    // Act
    const comparison = comparePplnsSplits(expected, actual);

    // Assert: |45 - 49| + |3 - 0| + |2 - 1| = 8.
    expect(comparison).toEqual({
      kind: 'different',
      errorSats: 8n,
      feeDeltaSats: 1n,
      credits: [
        { account: 'b', expectedSats: 49n, actualSats: 45n },
        { account: 'c', expectedSats: 0n, actualSats: 3n },
      ],
    });
  });
});
