import { describe, expect, it } from 'vitest';
import { difficultyFrom } from '../core/difficulty/difficulty.js';
import type { AcceptedShare } from '../stratum/ports.js';
import { MemoryShareBook } from './memory-share-book.js';

function share(
  address: string,
  work: bigint,
  verdict: 'accepted' | 'block' = 'accepted',
): AcceptedShare {
  return {
    network: 'n',
    address,
    worker: 'w',
    sessionId: '00',
    jobId: 'j',
    difficulty: difficultyFrom(1),
    work,
    hash: 0n,
    timeMs: 0,
    verdict,
  };
}

describe('MemoryShareBook', () => {
  it('keeps the newest shares for PPLNS, newest first, and forgets beyond its size', () => {
    // Arrange
    const book = new MemoryShareBook(3);
    // Act
    for (const [i, a] of ['a', 'b', 'c', 'd'].entries()) book.record(share(a, BigInt(i + 1)));
    // Assert
    expect([...book.sharesNewestFirst()]).toEqual([
      { account: 'd', work: 4n },
      { account: 'c', work: 3n },
      { account: 'b', work: 2n },
    ]);
  });

  it('totals work per address, blocks and rejections by reason', () => {
    const book = new MemoryShareBook(10);
    book.record(share('a', 5n));
    book.record(share('a', 7n, 'block'));
    book.rejected({
      network: 'n',
      sessionId: '00',
      address: 'a',
      worker: 'w',
      jobId: 'j',
      reason: 'duplicate',
      timeMs: 0,
    });
    const stats = book.stats();
    expect(stats.accepted).toBe(2);
    expect(stats.blocks).toBe(1);
    expect(stats.workByAddress.get('a')).toBe(12n);
    expect(stats.rejected).toEqual({ duplicate: 1 });
  });
});
