import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { poolJob } from '../../../pool/stratum/stratum.fixtures.js';
import { createRng } from '../../../runtime/index.js';
import { sha256dHasher } from '../../../pool/stratum/stratum.fixtures.js';
import { memoryConnector } from '../client/connector.js';
import { LATE_SHARE_MS } from '../farm/farm-metrics.js';
import { createPoolBench, NULL_OBSERVER, type PoolBench } from '../miner/miner.fixtures.js';
import { DEFAULT_GRIND_LIMITS } from '../miner/miner-spec.js';
import { VirtualMiner } from '../miner/virtual-miner.js';
import type { ShareRecord } from '../truth/records.js';
import { honest } from './honest.js';
import { LATE, LATE_STALE, LINK_DELAY, linkDelayMs, slowSubmit } from './slow-submit.js';
import { judgeBehaviour } from './verdict.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const delayOf = (s: ShareRecord): number => s.sentAtMs! - s.dueAtMs;

describe('linkDelayMs', () => {
  it('is whole ms within the link bounds, and the same for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const ms = linkDelayMs(a);
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(LINK_DELAY.minMs);
          expect(ms).toBeLessThanOrEqual(LINK_DELAY.maxMs);
          expect(linkDelayMs(b)).toBe(ms);
        }
      }),
    );
  });

  it('spreads from a few hundred ms to a few seconds around a median of a second', () => {
    const rng = createRng('link');
    const delays = Array.from({ length: 4_000 }, () => linkDelayMs(rng)).sort((a, b) => a - b);
    const at = (q: number): number => delays[Math.floor(q * delays.length)]!;
    expect(at(0.5)).toBeGreaterThan(950);
    expect(at(0.5)).toBeLessThan(1_050);
    expect(at(0.05)).toBeLessThan(450);
    expect(at(0.95)).toBeGreaterThan(2_400);
  });
});

describe('slow-submit against our Stratum server (gets its catalogue response)', () => {
  it('every share reaches the pool late, in the order found, and is accepted', async () => {
    // Arrange
    bench = createPoolBench();
    const slow = bench.miner({ behaviour: slowSubmit });
    const control = bench.miner({ behaviour: honest });
    // Act
    slow.start();
    control.start();
    await bench.vt.advanceBy(300_000);
    // Assert
    const truth = slow.snapshot();
    expect(judgeBehaviour(slowSubmit.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.length).toBeGreaterThan(20);
    expect(truth.shares.every((s) => s.intent === LATE)).toBe(true);
    const delays = truth.shares.map(delayOf);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(LINK_DELAY.minMs);
    expect(Math.max(...delays)).toBeLessThanOrEqual(LINK_DELAY.maxMs);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(1_000);
    const found = truth.shares.map((s) => s.dueAtMs);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(control.snapshot().shares.every((s) => delayOf(s) === 0)).toBe(true);
  });

  it('a share still on the link when a new tip arrives is refused with 21, not one after a refresh', async () => {
    // Arrange: five shares a second, kept there (no retarget), so several are always in flight
    bench = createPoolBench({ config: { vardiff: { retargetIntervalMs: 3_600_000 } } });
    const miner = bench.miner({ behaviour: slowSubmit, hashrate: 215 });
    miner.start();
    const tips: number[] = [];
    let refreshAtMs = 0;
    // Act: new tips at 30, 60 and 90 s; a refresh on the same tip at 75 s
    for (const [waitMs, id, clean] of [
      [30_000, 'j2', true],
      [30_000, 'j3', true],
      [15_000, 'j4', false],
      [15_000, 'j5', true],
    ] as const) {
      await bench.vt.advanceBy(waitMs);
      if (clean) tips.push(bench.vt.nowMs());
      else refreshAtMs = bench.vt.nowMs();
      bench.jobs.publish(poolJob(id, clean));
    }
    await bench.vt.advanceBy(30_000);
    // Assert: stale exactly when found before a new tip and sent after it
    const truth = miner.snapshot();
    expect(judgeBehaviour(slowSubmit.expected, [truth])).toMatchObject({ ok: true });
    const straddles = (s: ShareRecord, t: number): boolean => s.dueAtMs < t && s.sentAtMs! > t;
    const wrong = truth.shares.filter(
      (s) => (s.intent === LATE_STALE) !== tips.some((t) => straddles(s, t)),
    );
    expect(wrong).toEqual([]);
    const stale = truth.shares.filter((s) => s.intent === LATE_STALE);
    expect(stale.length).toBeGreaterThanOrEqual(6);
    expect(new Set(stale.map((s) => s.jobId))).toEqual(new Set(['j1', 'j2', 'j4']));
    const overRefresh = truth.shares.filter((s) => straddles(s, refreshAtMs));
    expect(overRefresh.length).toBeGreaterThan(0);
    expect(overRefresh.every((s) => s.intent === LATE && s.answer.kind === 'accepted')).toBe(true);
  });

  it('holding shares on the link is the behaviour, not the farm falling behind: no lag', async () => {
    // Arrange: the same miner, watched by a farm's observer
    bench = createPoolBench();
    const lags: number[] = [];
    const spec = { ...bench.miner().spec, id: 'watched', behaviour: slowSubmit };
    const watched = new VirtualMiner(spec, {
      connector: memoryConnector(
        (end, peer) => bench!.server.attach(end, { remoteAddress: peer }),
        '10.9.9.9',
      ),
      scheduler: bench.vt,
      rng: createRng('watched'),
      pow: sha256dHasher,
      latencyClock: () => bench!.vt.nowMs(),
      meter: bench.meter,
      limits: DEFAULT_GRIND_LIMITS,
      board: bench.board,
      observer: { ...NULL_OBSERVER, lag: (ms) => lags.push(ms) },
      keepTruth: true,
    });
    // Act
    watched.start();
    await bench.vt.advanceBy(60_000);
    await watched.stop();
    // Assert
    const late = watched.snapshot().shares.filter((s) => delayOf(s) > LATE_SHARE_MS);
    expect(late.length).toBeGreaterThan(5);
    expect(lags.length).toBeGreaterThanOrEqual(watched.snapshot().shares.length);
    expect(lags.filter((ms) => ms > LATE_SHARE_MS)).toEqual([]);
  });

  it('shares on the link when the connection drops are lost with it, never sent on the next', async () => {
    // Arrange
    bench = createPoolBench({ config: { vardiff: { retargetIntervalMs: 3_600_000 } } });
    const miner = bench.miner({ behaviour: slowSubmit, hashrate: 215 });
    miner.start();
    await bench.vt.advanceBy(20_000);
    // Act
    bench.server.reconnectAll();
    await bench.vt.advanceBy(20_000);
    // Assert: each share went out on the connection it was found on, and was accepted
    const truth = miner.snapshot();
    expect(truth.sessions.map((s) => s.handshake)).toEqual(['authorized', 'authorized']);
    expect(judgeBehaviour(slowSubmit.expected, [truth])).toMatchObject({ ok: true });
    const second = truth.sessions[1]!.connectedAtMs;
    expect(truth.shares.filter((s) => s.session === 2).length).toBeGreaterThan(10);
    expect(truth.shares.filter((s) => s.session === 2 && s.dueAtMs < second)).toEqual([]);
  });
});
