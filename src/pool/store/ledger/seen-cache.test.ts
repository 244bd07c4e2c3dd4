import { describe, expect, it } from 'vitest';
import { SeenCache } from './seen-cache.js';
import type { ShareRow } from './share-columns.js';

function row(address: string, worker: string, timeMs: number): ShareRow {
  return {
    network: 'n',
    address,
    worker,
    sessionId: 's',
    jobId: 'j',
    difficultyNum: '1',
    difficultyDen: '1',
    work: '1',
    hash: '0'.repeat(64),
    timeMs,
    verdict: 'accepted',
  };
}

describe('SeenCache', () => {
  it('asks for each miner and worker once per granularity, sorted, spans per batch', () => {
    // Arrange
    const cache = new SeenCache(60_000);
    const first = [row('b', 'w', 10), row('a', 'x', 5), row('a', 'x', 20), row('a', '', 7)];
    // Act
    const due1 = cache.due(first);
    cache.written(due1);
    const due2 = cache.due([row('a', 'x', 59_000), row('c', 'w', 59_000)]);
    cache.written(due2);
    const due3 = cache.due([row('a', 'x', 60_020), row('b', 'w', 30_000)]);
    // Assert
    expect(due1.miners.map((m) => [m.address, m.firstMs, m.lastMs])).toEqual([
      ['a', 5, 20],
      ['b', 10, 10],
    ]);
    expect(due1.workers.map((w) => `${w.address}.${w.worker}`)).toEqual(['a.', 'a.x', 'b.w']);
    expect(due2.workers.map((w) => `${w.address}.${w.worker}`)).toEqual(['c.w']);
    expect(due3.workers.map((w) => `${w.address}.${w.worker}`)).toEqual(['a.x']);
    expect(due3.miners.map((m) => m.address)).toEqual(['a']);
  });

  it('asks again for rows of a batch that never committed', () => {
    const cache = new SeenCache(60_000);
    const rows = [row('a', 'x', 1)];
    cache.due(rows);
    expect(cache.due(rows).workers).toHaveLength(1);
  });
});
