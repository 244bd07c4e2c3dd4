import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashesPerSecond } from './buckets.js';
import { CONTRACT_BUCKETS, liveStateContract } from './live-state.contract.js';
import { MemoryLiveData, MemoryLiveState } from './memory-live-state.js';
import { fromLimbs, toLimbs } from './work-limbs.js';

liveStateContract('in-process', () => {
  const shared = new MemoryLiveData();
  const a = new MemoryLiveState(CONTRACT_BUCKETS, shared);
  const b = new MemoryLiveState(CONTRACT_BUCKETS, shared);
  return Promise.resolve({
    a,
    b,
    another: () => Promise.resolve(new MemoryLiveState(CONTRACT_BUCKETS, shared)),
    close: async () => void (await Promise.all([a.close(), b.close()])),
  });
});

describe('live state helpers', () => {
  it('property: work survives the trip through 40-bit limbs', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 120n) - 1n }), (work) => {
        expect(fromLimbs(toLimbs(work))).toBe(work);
      }),
    );
  });

  it('property: limb sums carry into the exact total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: (1n << 120n) - 1n }), { maxLength: 50 }),
        (works) => {
          const sums = [0n, 0n, 0n];
          for (const w of works) toLimbs(w).forEach((l, i) => (sums[i] = (sums[i] ?? 0n) + l));
          expect(fromLimbs(sums)).toBe(works.reduce((s, w) => s + w, 0n));
        },
      ),
    );
  });

  it('turns work over a window into hashes per second, rounded down', () => {
    expect(hashesPerSecond(4_294_967_296n * 600n, 600_000)).toBe(4_294_967_296n);
    expect(hashesPerSecond(1999n, 2_000)).toBe(999n);
  });

  it('forgets buckets past the retention', async () => {
    const live = new MemoryLiveState({ bucketMs: 10, retentionMs: 30 });
    const rig = { network: 'n', address: 'a', worker: '' };
    await live.addWork(rig, 1n, 0);
    await live.addWork(rig, 2n, 100);
    expect(await live.workerWork(rig, 30, 100)).toBe(2n);
    expect(await live.workerWork(rig, 30, 20)).toBe(0n);
  });
});
