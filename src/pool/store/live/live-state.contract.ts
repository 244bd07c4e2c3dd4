import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HashrateBuckets, LiveState, WorkerRef } from './live-state.js';

/** Two LiveStates over one shared state: two processes of one pool. */
export interface LiveFixture {
  readonly a: LiveState;
  readonly b: LiveState;
  /** One more process over the same state; the test closes it. */
  another(): Promise<LiveState>;
  close(): Promise<void>;
}

export const CONTRACT_BUCKETS: HashrateBuckets = { bucketMs: 10_000, retentionMs: 600_000 };

let runs = 0;
function network(label: string): string {
  runs++;
  return `${label}-${runs}`;
}

/** Resolves with the first `n` announcements `subscribe` hands to its handler. */
function collect(n: number): {
  handler: (m: string) => void;
  got: string[];
  done: Promise<string[]>;
} {
  const got: string[] = [];
  let resolve = (_: string[]): void => undefined;
  const done = new Promise<string[]>((r) => (resolve = r));
  const handler = (m: string): void => {
    got.push(m);
    if (got.length === n) resolve([...got]);
  };
  return { handler, got, done };
}

/**
 * The behaviour every LiveState adapter must show: in-process (unit project) and Redis (int
 * project). Every check uses its own network or key, so they share one fixture.
 */
export function liveStateContract(name: string, open: () => Promise<LiveFixture>): void {
  describe(`LiveState contract: ${name}`, () => {
    let f: LiveFixture;
    beforeAll(async () => {
      f = await open();
    });
    afterAll(async () => {
      await f?.close();
    });

    it('sums work per worker and per network over a window of buckets, across processes', async () => {
      // Arrange
      const net = network('work');
      const rig1: WorkerRef = { network: net, address: 'addr', worker: 'rig1' };
      const rig2: WorkerRef = { network: net, address: 'addr', worker: 'rig2' };
      const elsewhere: WorkerRef = { ...rig1, network: network('work-other') };
      // Act
      await f.a.addWork(rig1, 5n, 1_000);
      await f.b.addWork(rig1, 7n, 15_000);
      await f.a.addWork(rig2, 11n, 29_999);
      await f.a.addWork(elsewhere, 1_000n, 20_000);
      // Assert
      expect(await f.b.workerWork(rig1, 10_000, 29_999)).toBe(0n);
      expect(await f.b.workerWork(rig1, 20_000, 29_999)).toBe(7n);
      expect(await f.a.workerWork(rig1, 30_000, 29_999)).toBe(12n);
      expect(await f.a.networkWork(net, 30_000, 29_999)).toBe(23n);
      expect(await f.a.networkWork(net, 10_000, 30_000)).toBe(0n);
    });

    it('keeps work exact far beyond 64 bits and refuses impossible reads and writes', async () => {
      const rig: WorkerRef = { network: network('big'), address: 'a', worker: '' };
      const big = (1n << 100n) + 12_345n;
      for (const work of [big, big, (1n << 63n) + 1n, 1n << 64n]) await f.a.addWork(rig, work, 0);
      expect(await f.b.workerWork(rig, 10_000, 0)).toBe(2n * big + (1n << 63n) + 1n + (1n << 64n));
      await expect(f.a.addWork(rig, 1n << 120n, 0)).rejects.toThrow('LIVE_BAD_INPUT');
      await expect(f.a.addWork(rig, -1n, 0)).rejects.toThrow('LIVE_BAD_INPUT');
      await expect(f.a.workerWork(rig, 15_000, 0)).rejects.toThrow('LIVE_BAD_INPUT');
      await expect(f.a.workerWork(rig, 610_000, 0)).rejects.toThrow('LIVE_BAD_INPUT');
    });

    it('property: any adds read back as the plain sum of the window', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              worker: fc.constantFrom('x', 'y:z', ''),
              work: fc.bigInt({ min: 0n, max: (1n << 90n) - 1n }),
              atMs: fc.integer({ min: 0, max: 120_000 }),
            }),
            { maxLength: 12 },
          ),
          fc.integer({ min: 1, max: 12 }).map((n) => n * 10_000),
          fc.integer({ min: 0, max: 130_000 }),
          async (adds, windowMs, nowMs) => {
            const net = network('prop');
            for (const add of adds) {
              await f.a.addWork(
                { network: net, address: 'p', worker: add.worker },
                add.work,
                add.atMs,
              );
            }
            const first = Math.floor(nowMs / 10_000) - windowMs / 10_000 + 1;
            const inWindow = (atMs: number) => {
              const b = Math.floor(atMs / 10_000);
              return b >= first && b <= Math.floor(nowMs / 10_000);
            };
            const expected = (w?: string) =>
              adds
                .filter((x) => inWindow(x.atMs) && (w === undefined || x.worker === w))
                .reduce((s, x) => s + x.work, 0n);
            expect(await f.b.networkWork(net, windowMs, nowMs)).toBe(expected());
            expect(
              await f.b.workerWork({ network: net, address: 'p', worker: 'y:z' }, windowMs, nowMs),
            ).toBe(expected('y:z'));
          },
        ),
        { numRuns: 40 },
      );
    });

    it('lists workers online until their heartbeat expires, per network, in order', async () => {
      const net = network('online');
      const w = (address: string, worker: string): WorkerRef => ({ network: net, address, worker });
      await f.a.heartbeat(w('b', 'rig'), 1_000, 500);
      await f.b.heartbeat(w('a', 'rig:2'), 1_000, 2_000);
      await f.a.heartbeat(w('a', ''), 1_200, 500);
      await f.a.heartbeat({ ...w('c', ''), network: network('online-other') }, 1_000, 5_000);
      expect(await f.b.workersOnline(net, 1_499)).toEqual([
        w('a', ''),
        w('a', 'rig:2'),
        w('b', 'rig'),
      ]);
      expect(await f.a.workersOnline(net, 1_500)).toEqual([w('a', ''), w('a', 'rig:2')]);
      await f.b.heartbeat(w('b', 'rig'), 1_600, 500);
      expect(await f.a.workersOnline(net, 1_700)).toEqual([w('a', 'rig:2'), w('b', 'rig')]);
      expect(await f.a.workersOnline(net, 3_000)).toEqual([]);
    });

    it('fans job announcements out to every process subscribed to the network, in order', async () => {
      // Arrange
      const net = network('jobs');
      const other = network('jobs-other');
      const onB = collect(3);
      const onA = collect(3);
      const unsubB = await f.b.subscribeJobs(net, onB.handler);
      const unsubA = await f.a.subscribeJobs(net, onA.handler);
      const sentinel = collect(1);
      const unsubSentinel = await f.b.subscribeJobs(other, sentinel.handler);
      // Act
      for (const m of ['job-1', 'job-2', 'job-3']) await f.a.publishJob(net, m);
      // Assert
      expect(await onB.done).toEqual(['job-1', 'job-2', 'job-3']);
      expect(await onA.done).toEqual(['job-1', 'job-2', 'job-3']);
      await unsubB();
      await f.a.publishJob(net, 'job-4');
      await f.a.publishJob(other, 'sentinel');
      await sentinel.done;
      expect(onB.got).toEqual(['job-1', 'job-2', 'job-3']);
      await unsubA();
      await unsubSentinel();
    });

    it('limits rates in fixed windows, shared by all processes', async () => {
      const key = network('fixed');
      const window = { kind: 'fixed', limit: 3, windowMs: 1_000 } as const;
      const seen = [];
      for (const [s, t] of [
        [f.a, 0],
        [f.b, 10],
        [f.a, 999],
        [f.b, 999],
        [f.a, 1_000],
      ] as const) {
        seen.push(await s.hit(key, window, t));
      }
      expect(seen).toEqual([
        { allowed: true, remaining: 2 },
        { allowed: true, remaining: 1 },
        { allowed: true, remaining: 0 },
        { allowed: false, remaining: 0 },
        { allowed: true, remaining: 2 },
      ]);
      await expect(f.a.hit(key, { ...window, limit: 0 }, 0)).rejects.toThrow('LIVE_BAD_INPUT');
    });

    it('limits rates in sliding windows, counting only allowed hits', async () => {
      const key = network('sliding');
      const window = { kind: 'sliding', limit: 2, windowMs: 1_000 } as const;
      const seen = [];
      for (const [s, t] of [
        [f.a, 0],
        [f.b, 500],
        [f.a, 900],
        [f.b, 1_000],
        [f.a, 1_400],
        [f.b, 1_501],
      ] as const) {
        seen.push((await s.hit(key, window, t)).allowed);
      }
      expect(seen).toEqual([true, true, false, true, false, true]);
    });

    it('stops only its own subscriptions when one process closes', async () => {
      // Arrange
      const net = network('close');
      const c = await f.another();
      const onC = collect(1);
      const onB = collect(2);
      await c.subscribeJobs(net, onC.handler);
      await f.b.subscribeJobs(net, onB.handler);
      await f.a.publishJob(net, 'before-close');
      await onC.done;
      // Act
      await c.close();
      await f.a.publishJob(net, 'after-close');
      // Assert
      expect(await onB.done).toEqual(['before-close', 'after-close']);
      expect(onC.got).toEqual(['before-close']);
    });
  });
}
