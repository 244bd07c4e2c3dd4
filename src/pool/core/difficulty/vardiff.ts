import { clampDifficulty, compareDifficulty, type Difficulty } from './difficulty.js';
import { compareRatio, multiplyRatio, reduce } from './rational.js';
import { snapDifficulty } from './snap.js';
import { msToUs, type VardiffConfig } from './vardiff-config.js';

/**
 * Variable difficulty as a pure function: each miner's state is a value, each share (or a
 * tick when none come) gives the next state and maybe a difficulty to send.
 *
 * A window opens at the last retarget. It is judged once it is retargetIntervalMs old, or
 * sooner when it already holds so many shares that the answer can only be the largest step
 * up (a miner left at a tiny difficulty would otherwise flood the pool for a whole interval).
 * Inside the band nothing changes and the window is kept (see `kept`). Outside it the
 * difficulty is scaled by how far the mean share interval missed the target, limited to
 * maxStepFactor, snapped to three significant digits towards the old value (so the snap never
 * adds to the step and the JSON number miners read stays short), clamped to
 * [minDifficulty, maxDifficulty], and a fresh window opens. [min, max] wins over the step
 * only if a state arrives from outside it.
 */
export interface VardiffState {
  readonly difficulty: Difficulty;
  readonly windowStartMs: number;
  readonly sharesInWindow: number;
}

export interface RetargetResult {
  readonly state: VardiffState;
  /** Present only when the difficulty changed: send it (before the next job). */
  readonly setDifficulty?: Difficulty;
}

export const SNAP_SIGNIFICANT_DIGITS = 3;
export const MEMORY_INTERVALS = 4;

type Band = 'fast' | 'inside' | 'slow';

function assertTime(name: string, ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be finite, got ${ms}`);
}

/** The starting state; `start` is clamped into [minDifficulty, maxDifficulty]. */
export function initVardiff(start: Difficulty, nowMs: number, cfg: VardiffConfig): VardiffState {
  assertTime('nowMs', nowMs);
  return {
    difficulty: clampDifficulty(start, cfg.minDifficulty, cfg.maxDifficulty),
    windowStartMs: nowMs,
    sharesInWindow: 0,
  };
}

/** Where the mean interval elapsed/shares falls against targetShareTime * (1 -/+ variance). */
function band(shares: bigint, elapsedUs: bigint, cfg: VardiffConfig): Band {
  const { num: v, den: w } = cfg.exact.variance;
  const observed = elapsedUs * w;
  const expected = shares * cfg.exact.targetShareTimeUs;
  if (observed < expected * (w - v)) return 'fast';
  if (observed > expected * (w + v)) return 'slow';
  return 'inside';
}

/** shares * T >= interval * maxStep: the mean interval is already below T / maxStep. */
function flooded(shares: bigint, cfg: VardiffConfig): boolean {
  const { maxStep, targetShareTimeUs, retargetIntervalUs } = cfg.exact;
  return shares * targetShareTimeUs * maxStep.den >= retargetIntervalUs * maxStep.num;
}

function proposal(
  current: Difficulty,
  shares: bigint,
  elapsedUs: bigint,
  cfg: VardiffConfig,
): Difficulty {
  const { maxStep, targetShareTimeUs } = cfg.exact;
  const elapsed = elapsedUs > 0n ? elapsedUs : 1n;
  const ideal = multiplyRatio(current, reduce(shares * targetShareTimeUs, elapsed));
  const up = compareRatio(ideal, current) > 0;
  let next: Difficulty;
  if (up) {
    const ceiling = multiplyRatio(current, maxStep);
    const stepped = compareRatio(ideal, ceiling) > 0 ? ceiling : ideal;
    const snapped = snapDifficulty(stepped, SNAP_SIGNIFICANT_DIGITS, 'floor');
    next = compareRatio(snapped, current) > 0 ? snapped : current;
  } else {
    const floor = multiplyRatio(current, { num: maxStep.den, den: maxStep.num });
    const stepped = compareRatio(ideal, floor) < 0 ? floor : ideal;
    const snapped = snapDifficulty(stepped, SNAP_SIGNIFICANT_DIGITS, 'ceil');
    next = compareRatio(snapped, current) < 0 ? snapped : current;
  }
  return clampDifficulty(next, cfg.minDifficulty, cfg.maxDifficulty);
}

function judged(state: VardiffState, atMs: number, next: Difficulty): RetargetResult {
  const fresh = { difficulty: state.difficulty, windowStartMs: atMs, sharesInWindow: 0 };
  if (compareDifficulty(next, state.difficulty) === 0) return { state: fresh };
  return { state: { ...fresh, difficulty: next }, setDifficulty: next };
}

/**
 * Inside the band the window is kept, so the next judgement rests on more shares (a fresh
 * window of a few shares is noisy enough to retarget a miner that is on target). Past
 * MEMORY_INTERVALS intervals it keeps half its span and half its shares: a fading memory,
 * so a later change of hashrate still shows within a few intervals.
 */
function kept(
  state: VardiffState,
  shares: number,
  atMs: number,
  cfg: VardiffConfig,
): RetargetResult {
  const spanMs = atMs - state.windowStartMs;
  if (spanMs < MEMORY_INTERVALS * cfg.retargetIntervalMs) {
    return { state: { ...state, sharesInWindow: shares } };
  }
  return {
    state: {
      difficulty: state.difficulty,
      windowStartMs: atMs - spanMs / 2,
      sharesInWindow: Math.round(shares / 2),
    },
  };
}

/** Counts an accepted share at shareAtMs and retargets when the window is due. */
export function retarget(
  state: VardiffState,
  shareAtMs: number,
  cfg: VardiffConfig,
): RetargetResult {
  assertTime('shareAtMs', shareAtMs);
  const count = state.sharesInWindow + 1;
  const shares = BigInt(count);
  const elapsedUs = msToUs(shareAtMs - state.windowStartMs);
  if (elapsedUs < cfg.exact.retargetIntervalUs && !flooded(shares, cfg)) {
    return { state: { ...state, sharesInWindow: count } };
  }
  if (band(shares, elapsedUs, cfg) === 'inside') return kept(state, count, shareAtMs, cfg);
  return judged(state, shareAtMs, proposal(state.difficulty, shares, elapsedUs, cfg));
}

/**
 * For a timer while shares are missing: once the window is due, it reads the window as if a
 * share arrived right now (the most generous estimate of the miner's rate) and lowers the
 * difficulty when even that is too slow. It never raises: shares do that.
 */
export function retargetOnTick(
  state: VardiffState,
  nowMs: number,
  cfg: VardiffConfig,
): RetargetResult {
  assertTime('nowMs', nowMs);
  const elapsedUs = msToUs(nowMs - state.windowStartMs);
  if (elapsedUs < cfg.exact.retargetIntervalUs) return { state };
  const shares = BigInt(state.sharesInWindow + 1);
  if (band(shares, elapsedUs, cfg) !== 'slow') return { state };
  const next = proposal(state.difficulty, shares, elapsedUs, cfg);
  return compareDifficulty(next, state.difficulty) === 0 ? { state } : judged(state, nowMs, next);
}
