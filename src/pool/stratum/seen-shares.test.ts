import { describe, expect, it } from 'vitest';
import { SeenShares, SessionSeenView } from './seen-shares.js';

describe('SeenShares', () => {
  it('keeps keys per job and drops whole jobs that are no longer active', () => {
    // Arrange
    const seen = new SeenShares();
    const view = new SessionSeenView();
    view.prefix = 'aa|';
    seen.add('j1', 'aa|k1');
    seen.add('j1', 'aa|k1');
    seen.add('j2', 'bb|k1');
    // Act
    view.job = seen.forJob('j1');
    const beforePrune = [view.has('k1'), view.has('k2'), seen.size];
    const dropped = seen.prune((id) => id === 'j2');
    // Assert
    expect(beforePrune).toEqual([true, false, 2]);
    expect(dropped).toBe(1);
    expect([seen.size, seen.jobCount, seen.forJob('j1')]).toEqual([1, 1, undefined]);
  });
});
