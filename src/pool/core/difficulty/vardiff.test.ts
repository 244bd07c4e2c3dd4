import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampDifficulty,
  compareDifficulty,
  difficultyFrom,
  difficultyToNumber,
  divideDifficulty,
  multiplyDifficulty,
  type Difficulty,
} from './difficulty.js';
import { vardiffConfig, type VardiffConfig } from './vardiff-config.js';
import {
  MEMORY_INTERVALS,
  initVardiff,
  retarget,
  retargetOnTick,
  type RetargetResult,
  type VardiffState,
} from './vardiff.js';

const cfg = vardiffConfig({
  targetShareTimeMs: 10_000,
  retargetIntervalMs: 60_000,
  variancePercent: 30,
  minDifficulty: 0.001,
  maxDifficulty: 1_000_000,
  maxStepFactor: 4,
});
const diff = (x: number | string): Difficulty => difficultyFrom(x);

/** Feeds shares at the given times; the last result, and every difficulty sent on the way. */
function feed(state: VardiffState, timesMs: readonly number[]) {
  let result: RetargetResult = { state };
  const sent: Difficulty[] = [];
  for (const t of timesMs) {
    result = retarget(result.state, t, cfg);
    if (result.setDifficulty) sent.push(result.setDifficulty);
  }
  return { ...result, sent };
}
const evenly = (count: number, overMs: number): number[] =>
  Array.from({ length: count }, (_, i) => ((i + 1) * overMs) / count);

describe('initVardiff', () => {
  it('starts an empty window at now, clamped into [min, max]', () => {
    expect(initVardiff(diff(8), 5, cfg)).toEqual({
      difficulty: diff(8),
      windowStartMs: 5,
      sharesInWindow: 0,
    });
    expect(initVardiff(diff('1e-9'), 0, cfg).difficulty).toEqual(diff(0.001));
    expect(initVardiff(diff('1e9'), 0, cfg).difficulty).toEqual(diff(1_000_000));
  });
});

describe('retarget on shares', () => {
  it('only counts shares until the interval has passed', () => {
    const result = feed(initVardiff(diff(100), 0, cfg), evenly(10, 59_000));
    expect(result.setDifficulty).toBeUndefined();
    expect(result.state).toEqual({ difficulty: diff(100), windowStartMs: 0, sharesInWindow: 10 });
  });

  it('keeps the difficulty and the window when the mean interval is on target', () => {
    const result = feed(initVardiff(diff(100), 0, cfg), evenly(6, 60_000));
    expect(result.sent).toEqual([]);
    expect(result.state).toEqual({ difficulty: diff(100), windowStartMs: 0, sharesInWindow: 6 });
  });

  it('judges a kept window on every later share, with all of its shares', () => {
    // 6 on target in the first minute, then faster: at 76 s the window holds 11 shares,
    // 6.91 s each, under the band's 7 s, so 100 * 110 / 76 = 144.7 -> 144.
    const onTarget = feed(initVardiff(diff(100), 0, cfg), evenly(6, 60_000)).state;
    const result = feed(onTarget, [62_000, 65_000, 69_000, 72_000, 76_000, 80_000]);
    expect(result.sent).toEqual([diff(144)]);
    expect(result.state).toEqual({
      difficulty: diff(144),
      windowStartMs: 76_000,
      sharesInWindow: 1,
    });
  });

  it('fades a kept window past MEMORY_INTERVALS intervals to half its span and shares', () => {
    // 24 shares on target over 240 s: the 24th share finds the window 4 intervals long.
    const result = feed(initVardiff(diff(100), 0, cfg), evenly(24, 240_000));
    expect(MEMORY_INTERVALS).toBe(4);
    expect(result.sent).toEqual([]);
    expect(result.state).toEqual({
      difficulty: diff(100),
      windowStartMs: 120_000,
      sharesInWindow: 12,
    });
  });

  it('raises by the observed ratio: 9 shares in 60 s (6.67 s each) at 100 -> 150', () => {
    const result = feed(initVardiff(diff(100), 0, cfg), evenly(9, 60_000));
    expect(result.setDifficulty).toEqual(diff(150));
    expect(result.state).toEqual({
      difficulty: diff(150),
      windowStartMs: 60_000,
      sharesInWindow: 0,
    });
  });

  it('lowers by the observed ratio, snapped up to 3 digits: 2 shares in 70 s at 100 -> 28.6', () => {
    const result = feed(initVardiff(diff(100), 0, cfg), [10_000, 70_000]);
    // 100 * 2 * 10 / 70 = 28.571... rounded towards the old value.
    expect(result.setDifficulty).toEqual(diff('28.6'));
  });

  it('caps a step at maxStepFactor', () => {
    const up = feed(initVardiff(diff(100), 0, cfg), evenly(20, 60_000));
    // 20 shares in 60 s asks for x3.33, under the cap. 100 shares in 60 s (these fixed times
    // ignore the new difficulty) trip the flood rule every 24 shares, each time x4.
    expect(up.sent).toEqual([diff(333)]);
    const flood = feed(initVardiff(diff(100), 0, cfg), evenly(100, 60_000));
    expect(flood.sent).toEqual([diff(400), diff(1600), diff(6400), diff(25600)]);
    const down = feed(initVardiff(diff(100), 0, cfg), [600_000]);
    expect(down.setDifficulty).toEqual(diff(25));
  });

  it('judges a flood early: the 24th share within 5 s at difficulty 1 already means x4', () => {
    // 24 shares * 10 s >= 60 s * 4: the answer cannot be anything but the largest step.
    const before = feed(initVardiff(diff(1), 0, cfg), evenly(23, 4_600));
    expect(before.setDifficulty).toBeUndefined();
    const result = retarget(before.state, 5_000, cfg);
    expect(result.setDifficulty).toEqual(diff(4));
    expect(result.state.windowStartMs).toBe(5_000);
  });

  it('sends nothing when clamped at the bound it is pushed against', () => {
    const atMax = initVardiff(diff(1_000_000), 0, cfg);
    const result = feed(atMax, evenly(24, 60_000));
    expect(result.sent).toEqual([]);
    expect(result.state).toEqual({
      difficulty: diff(1_000_000),
      windowStartMs: 60_000,
      sharesInWindow: 0,
    });
  });

  it('stops at max even when the step would go past it', () => {
    const result = feed(initVardiff(diff(600_000), 0, cfg), evenly(24, 60_000));
    expect(result.sent).toEqual([diff(1_000_000)]);
  });

  it('refuses a non-finite share time', () => {
    expect(() => retarget(initVardiff(diff(1), 0, cfg), Number.NaN, cfg)).toThrow(RangeError);
  });
});

describe('retargetOnTick', () => {
  it('does nothing before the interval has passed', () => {
    const state = initVardiff(diff(1000), 0, cfg);
    expect(retargetOnTick(state, 59_999, cfg)).toEqual({ state });
  });

  it('brings a silent miner down even though it submits nothing', () => {
    const state = initVardiff(diff(1000), 0, cfg);
    // As if one share came now: 60 s per share against 10 s, capped at /4.
    const result = retargetOnTick(state, 60_000, cfg);
    expect(result.setDifficulty).toEqual(diff(250));
    expect(result.state).toEqual({
      difficulty: diff(250),
      windowStartMs: 60_000,
      sharesInWindow: 0,
    });
  });

  it('never raises, and leaves a fast or on-target window to the shares', () => {
    const busy = feed(initVardiff(diff(100), 0, cfg), evenly(30, 50_000)).state;
    expect(retargetOnTick(busy, 60_000, cfg)).toEqual({ state: busy });
    const onTarget = feed(initVardiff(diff(100), 0, cfg), evenly(5, 55_000)).state;
    expect(retargetOnTick(onTarget, 60_000, cfg)).toEqual({ state: onTarget });
  });

  it('keeps the window when already at min', () => {
    const state = initVardiff(diff(0.001), 0, cfg);
    expect(retargetOnTick(state, 600_000, cfg)).toEqual({ state });
  });
});

/** Random configs over the space operators might choose. */
const anyConfig: fc.Arbitrary<VardiffConfig> = fc
  .record({
    targetShareTimeMs: fc.integer({ min: 1_000, max: 60_000 }),
    intervals: fc.integer({ min: 1, max: 30 }),
    variancePercent: fc.integer({ min: 1, max: 99 }),
    maxStepFactor: fc.constantFrom(1.5, 2, 3, 4, 8, 16),
    minExp: fc.integer({ min: -8, max: 2 }),
    spanExp: fc.integer({ min: 0, max: 12 }),
  })
  .map((r) =>
    vardiffConfig({
      targetShareTimeMs: r.targetShareTimeMs,
      retargetIntervalMs: r.targetShareTimeMs * r.intervals,
      variancePercent: r.variancePercent,
      maxStepFactor: r.maxStepFactor,
      minDifficulty: `1e${r.minExp}`,
      maxDifficulty: `1e${r.minExp + r.spanExp}`,
    }),
  );

/** A state inside [min, max] about to be judged: `shares` counted, the next one `elapsedMs` in. */
const judgement = anyConfig.chain((c) =>
  fc.record({
    cfg: fc.constant(c),
    difficulty: fc.double({ min: 0, max: 1, noNaN: true }).map((u) => {
      const lo = Math.log10(difficultyToNumber(c.minDifficulty));
      const hi = Math.log10(difficultyToNumber(c.maxDifficulty));
      const d = difficultyFrom((10 ** (lo + u * (hi - lo))).toPrecision(6));
      return clampDifficulty(d, c.minDifficulty, c.maxDifficulty);
    }),
    sharesBefore: fc.integer({ min: 0, max: 200 }),
    // Mean intervals from 1/20 to 20 times the target, dense around the band.
    meanFactor: fc.oneof(
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({
        min: 1 - c.variancePercent / 100,
        max: 1 + c.variancePercent / 100,
        noNaN: true,
      }),
    ),
  }),
);

/** The oracle: is elapsed / shares inside targetShareTime * (1 -/+ variancePercent/100)? */
function insideBand(c: VardiffConfig, shares: number, elapsedMs: number): boolean {
  const e = BigInt(Math.round(elapsedMs * 1000)) * 100n;
  const t = BigInt(shares) * c.exact.targetShareTimeUs;
  const v = BigInt(c.variancePercent);
  return e >= t * (100n - v) && e <= t * (100n + v);
}

describe('retarget (properties)', () => {
  it('never changes while the observed rate is inside the band; stays in [min, max]; steps <= maxStepFactor; moves the right way', () => {
    fc.assert(
      fc.property(judgement, ({ cfg: c, difficulty, sharesBefore, meanFactor }) => {
        // Arrange
        const shares = sharesBefore + 1;
        const elapsedMs = Math.round(shares * c.targetShareTimeMs * meanFactor);
        const state = { difficulty, windowStartMs: 1_000, sharesInWindow: sharesBefore };
        // Act
        const { state: next, setDifficulty } = retarget(state, 1_000 + elapsedMs, c);
        // Assert
        const { maxStep } = c.exact;
        const due =
          BigInt(elapsedMs) * 1000n >= c.exact.retargetIntervalUs ||
          BigInt(shares) * c.exact.targetShareTimeUs * maxStep.den >=
            c.exact.retargetIntervalUs * maxStep.num;
        if (!due) expect(next).toEqual({ ...state, sharesInWindow: shares });
        if (insideBand(c, shares, elapsedMs)) {
          expect(setDifficulty).toBeUndefined();
          expect(next.difficulty).toBe(difficulty);
        }
        if (setDifficulty === undefined) return;
        expect(next.difficulty).toBe(setDifficulty);
        expect(compareDifficulty(setDifficulty, c.minDifficulty)).toBeGreaterThanOrEqual(0);
        expect(compareDifficulty(setDifficulty, c.maxDifficulty)).toBeLessThanOrEqual(0);
        const step = c.exact.maxStep;
        expect(
          compareDifficulty(setDifficulty, multiplyDifficulty(difficulty, step)),
        ).toBeLessThanOrEqual(0);
        expect(
          compareDifficulty(setDifficulty, divideDifficulty(difficulty, step)),
        ).toBeGreaterThanOrEqual(0);
        const fast = elapsedMs < shares * c.targetShareTimeMs;
        expect(compareDifficulty(setDifficulty, difficulty)).toBe(fast ? 1 : -1);
      }),
    );
  });

  it('a tick only ever lowers, within the step and the bounds', () => {
    fc.assert(
      fc.property(judgement, ({ cfg: c, difficulty, sharesBefore, meanFactor }) => {
        const elapsedMs = Math.round((sharesBefore + 1) * c.targetShareTimeMs * meanFactor);
        const state = { difficulty, windowStartMs: 0, sharesInWindow: sharesBefore };
        const { state: next, setDifficulty } = retargetOnTick(state, elapsedMs, c);
        if (setDifficulty === undefined) {
          expect(next).toBe(state);
          return;
        }
        expect(compareDifficulty(setDifficulty, difficulty)).toBe(-1);
        expect(compareDifficulty(setDifficulty, c.minDifficulty)).toBeGreaterThanOrEqual(0);
        expect(
          compareDifficulty(setDifficulty, divideDifficulty(difficulty, c.exact.maxStep)),
        ).toBeGreaterThanOrEqual(0);
        expect(insideBand(c, sharesBefore + 1, elapsedMs)).toBe(false);
      }),
    );
  });
});
