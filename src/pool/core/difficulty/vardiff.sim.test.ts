import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../runtime/index.js';
import {
  compareDifficulty,
  difficultyFrom,
  difficultyToNumber,
  divideDifficulty,
  multiplyDifficulty,
  type Difficulty,
} from './difficulty.js';
import { vardiffConfig, type VardiffConfig } from './vardiff-config.js';
import { initVardiff, retarget, retargetOnTick, type RetargetResult } from './vardiff.js';

interface Miner {
  /** Difficulty-1 shares a second: at difficulty d, one share per d / rate seconds on average. */
  readonly diff1PerSecond: number;
  /** Optionally, the rate changes once. */
  readonly jump?: { readonly atMs: number; readonly diff1PerSecond: number };
}

interface Run {
  readonly initial: Difficulty;
  readonly shareTimesMs: number[];
  readonly changes: { atMs: number; from: Difficulty; to: Difficulty }[];
  readonly final: Difficulty;
}

/**
 * One miner against vardiff in virtual time, shares as a Poisson process, a timer calling
 * retargetOnTick every tickMs. After a change of difficulty or rate the next arrival is drawn
 * afresh from that moment, which is exact because the process is memoryless.
 */
function simulate(
  cfg: VardiffConfig,
  start: Difficulty,
  miner: Miner,
  durationMs: number,
  tickMs: number,
  rng: Rng,
): Run {
  let state = initVardiff(start, 0, cfg);
  const run: Run = { initial: state.difficulty, shareTimesMs: [], changes: [], final: start };
  const rateAt = (ms: number): number =>
    miner.jump && ms >= miner.jump.atMs ? miner.jump.diff1PerSecond : miner.diff1PerSecond;
  const nextShare = (fromMs: number): number => {
    const rate = rateAt(fromMs);
    if (rate === 0) return Infinity;
    return fromMs + rng.exponential((difficultyToNumber(state.difficulty) / rate) * 1000);
  };
  let shareAt = nextShare(0);
  let tickAt = tickMs;
  let jumpAt = miner.jump?.atMs ?? Infinity;
  for (;;) {
    const now = Math.min(shareAt, tickAt, jumpAt);
    if (now > durationMs) break;
    if (now === jumpAt) {
      jumpAt = Infinity;
      shareAt = nextShare(now);
      continue;
    }
    const isShare = now === shareAt;
    const before = state.difficulty;
    let result: RetargetResult;
    if (isShare) {
      run.shareTimesMs.push(now);
      result = retarget(state, now, cfg);
    } else {
      result = retargetOnTick(state, now, cfg);
      tickAt += tickMs;
    }
    state = result.state;
    if (result.setDifficulty)
      run.changes.push({ atMs: now, from: before, to: result.setDifficulty });
    if (isShare || result.setDifficulty) shareAt = nextShare(now);
  }
  return { ...run, final: state.difficulty };
}

/**
 * The mean share interval the difficulty path implies over [fromMs, toMs] at a constant rate:
 * time over expected shares. Free of the Poisson noise of counting the shares themselves.
 */
function impliedIntervalMs(run: Run, rate: number, fromMs: number, toMs: number): number {
  let difficulty = run.initial;
  let at = fromMs;
  let expectedShares = 0;
  for (const change of run.changes) {
    if (change.atMs <= fromMs) difficulty = change.to;
    else if (change.atMs < toMs) {
      expectedShares += ((change.atMs - at) / 1000) * (rate / difficultyToNumber(difficulty));
      difficulty = change.to;
      at = change.atMs;
    }
  }
  expectedShares += ((toMs - at) / 1000) * (rate / difficultyToNumber(difficulty));
  return (toMs - fromMs) / expectedShares;
}

/** Operator-like configs: windows of 6..20 target intervals, bands of 20..50 %. */
const scenario = fc
  .record({
    seed: fc.integer(),
    targetShareTimeMs: fc.constantFrom(2_000, 5_000, 10_000, 15_000, 30_000),
    intervals: fc.integer({ min: 6, max: 20 }),
    variancePercent: fc.integer({ min: 20, max: 50 }),
    maxStepFactor: fc.constantFrom(2, 4, 8),
    minExp: fc.integer({ min: -8, max: 3 }),
    spanExp: fc.integer({ min: 3, max: 12 }),
    where: fc.double({ min: 0, max: 1, noNaN: true }),
    startAt: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((s) => {
    const cfg = vardiffConfig({
      targetShareTimeMs: s.targetShareTimeMs,
      retargetIntervalMs: s.targetShareTimeMs * s.intervals,
      variancePercent: s.variancePercent,
      maxStepFactor: s.maxStepFactor,
      minDifficulty: `1e${s.minExp}`,
      maxDifficulty: `1e${s.minExp + s.spanExp}`,
    });
    // The difficulty that meets the target exactly lies in [2 min, max / 2]: reachable.
    const lo = s.minExp + Math.log10(2);
    const hi = s.minExp + s.spanExp - Math.log10(2);
    const ideal = 10 ** (lo + s.where * (hi - lo));
    const start = difficultyFrom((10 ** (s.minExp + s.startAt * s.spanExp)).toPrecision(4));
    const diff1PerSecond = ideal / (s.targetShareTimeMs / 1000);
    const tickMs = cfg.retargetIntervalMs / 2;
    return { ...s, cfg, ideal, start, diff1PerSecond, tickMs };
  });

/** Generous time to cross the whole [min, max] range, step by step, and settle. */
function settleMs(cfg: VardiffConfig, spanExp: number, tickMs: number): number {
  const steps = Math.ceil((spanExp * Math.log(10)) / Math.log(cfg.maxStepFactor * 0.99)) + 2;
  return steps * (cfg.retargetIntervalMs + tickMs) * 2;
}

function expectLegalSteps(run: Run, cfg: VardiffConfig): void {
  const step = cfg.exact.maxStep;
  for (const { from, to } of run.changes) {
    expect(compareDifficulty(to, cfg.minDifficulty)).toBeGreaterThanOrEqual(0);
    expect(compareDifficulty(to, cfg.maxDifficulty)).toBeLessThanOrEqual(0);
    expect(compareDifficulty(to, multiplyDifficulty(from, step))).toBeLessThanOrEqual(0);
    expect(compareDifficulty(to, divideDifficulty(from, step))).toBeGreaterThanOrEqual(0);
  }
}

/** After settling: the implied interval inside the band, the counted one within its noise. */
function expectOnTarget(run: Run, cfg: VardiffConfig, rate: number, fromMs: number, toMs: number) {
  const t = cfg.targetShareTimeMs;
  const band = cfg.variancePercent / 100;
  const implied = impliedIntervalMs(run, rate, fromMs, toMs);
  expect(implied).toBeGreaterThanOrEqual(t * (1 - band));
  expect(implied).toBeLessThanOrEqual(t * (1 + band));
  const counted = run.shareTimesMs.filter((at) => at > fromMs && at <= toMs).length;
  const noise = 5 / Math.sqrt(counted);
  expect((toMs - fromMs) / counted).toBeGreaterThanOrEqual(t * (1 - band - noise));
  expect((toMs - fromMs) / counted).toBeLessThanOrEqual(t * (1 + band + noise));
}

describe('vardiff under a Poisson share stream (seeded simulations)', () => {
  it('converges from any start and keeps the share interval inside the band', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Arrange
        const { cfg } = s;
        const warmupMs = settleMs(cfg, s.spanExp, s.tickMs);
        const endMs = warmupMs + 1_000 * cfg.targetShareTimeMs;
        const miner = { diff1PerSecond: s.diff1PerSecond };
        // Act
        const run = simulate(cfg, s.start, miner, endMs, s.tickMs, createRng(s.seed));
        // Assert
        expectLegalSteps(run, cfg);
        expectOnTarget(run, cfg, s.diff1PerSecond, warmupMs, endMs);
      }),
      { numRuns: 40 },
    );
  });

  it('follows a hashrate that jumps by up to 100x either way', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: -2, max: 2, noNaN: true }), (s, jumpExp) => {
        // Arrange: the ideal difficulty after the jump is still reachable.
        const { cfg } = s;
        const after = s.diff1PerSecond * 10 ** jumpExp;
        const idealAfter = after * (cfg.targetShareTimeMs / 1000);
        fc.pre(idealAfter <= difficultyToNumber(cfg.maxDifficulty) / 2);
        fc.pre(idealAfter >= difficultyToNumber(cfg.minDifficulty) * 2);
        const jumpAtMs = settleMs(cfg, s.spanExp, s.tickMs);
        const measureFromMs = 2 * jumpAtMs;
        const endMs = measureFromMs + 1_000 * cfg.targetShareTimeMs;
        const miner = {
          diff1PerSecond: s.diff1PerSecond,
          jump: { atMs: jumpAtMs, diff1PerSecond: after },
        };
        // Act
        const run = simulate(cfg, s.start, miner, endMs, s.tickMs, createRng(s.seed));
        // Assert
        expectLegalSteps(run, cfg);
        expectOnTarget(run, cfg, after, measureFromMs, endMs);
      }),
      { numRuns: 20 },
    );
  });

  it('brings a silent miner from max down to min on ticks alone, one legal step at a time', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 2, max: 10 }), (s, ticksPerInterval) => {
        // Arrange: each step waits an interval (plus a tick) and divides by min(maxStep, I / T).
        const { cfg } = s;
        const tickMs = cfg.retargetIntervalMs / ticksPerInterval;
        const perStep = Math.min(cfg.maxStepFactor, cfg.retargetIntervalMs / cfg.targetShareTimeMs);
        const steps = Math.ceil((s.spanExp * Math.log(10)) / Math.log(perStep * 0.99)) + 1;
        const endMs = steps * (cfg.retargetIntervalMs + tickMs);
        // Act
        const run = simulate(
          cfg,
          cfg.maxDifficulty,
          { diff1PerSecond: 0 },
          endMs,
          tickMs,
          createRng(s.seed),
        );
        // Assert
        expect(run.shareTimesMs).toEqual([]);
        expectLegalSteps(run, cfg);
        expect(run.final).toEqual(cfg.minDifficulty);
        for (const { from, to } of run.changes) expect(compareDifficulty(to, from)).toBe(-1);
      }),
      { numRuns: 50 },
    );
  });

  it('bounds a flood: a miner left at min climbs within I * maxStep / T shares per step', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // Arrange: a miner at least maxStep^2 times too fast for the minimum.
        const { cfg } = s;
        const step = cfg.maxStepFactor;
        const min = difficultyToNumber(cfg.minDifficulty);
        fc.pre(s.ideal >= min * step * step);
        const perStep = Math.ceil((cfg.retargetIntervalMs * step) / cfg.targetShareTimeMs);
        const climb = Math.ceil(Math.log(s.ideal / min) / Math.log(step * 0.99));
        const endMs = (climb + 4) * cfg.retargetIntervalMs;
        const miner = { diff1PerSecond: s.diff1PerSecond };
        // Act
        const run = simulate(cfg, cfg.minDifficulty, miner, endMs, s.tickMs, createRng(s.seed));
        // Assert: within maxStep of the ideal after at most `climb` full steps' worth of shares.
        expectLegalSteps(run, cfg);
        const near = run.changes.find(({ to }) => difficultyToNumber(to) >= s.ideal / step);
        expect(near).toBeDefined();
        const floodShares = run.shareTimesMs.filter((t) => t <= (near?.atMs ?? 0)).length;
        expect(floodShares).toBeLessThanOrEqual((climb + 1) * perStep);
      }),
      { numRuns: 40 },
    );
  });
});
