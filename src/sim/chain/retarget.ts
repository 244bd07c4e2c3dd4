import type { CoinParams } from '../../pool/core/coins/index.js';
import { bitsToTarget, targetToBits } from '../../pool/core/difficulty/index.js';

/** What a retarget reads of one block. */
export interface RetargetBlock {
  readonly height: number;
  readonly timeSec: number;
  readonly bits: number;
}

/** The ancestors a retarget may ask for, by height, on the branch being extended. */
export type AncestorAt = (height: number) => RetargetBlock | undefined;

/**
 * The compact bits the block after `parent` must carry under the coin's rule.
 *
 * - none: the parent's bits (Bitcoin Core's fPowNoRetargeting). Regtest's min-difficulty
 *   exception (fPowAllowMinDifficultyBlocks) is not modelled: it only matters after a
 *   difficulty jump, and makes the bits depend on the header's own time.
 * - interval: Bitcoin Core's GetNextWorkRequired, its off-by-one window included.
 * - lwma: see lwmaBits.
 */
export function nextBits(coin: CoinParams, parent: RetargetBlock, ancestorAt: AncestorAt): number {
  const rule = coin.retarget;
  const spacingSec = coin.targetBlockTimeSec;
  const powLimit = bitsToTarget(coin.powLimitBits);
  switch (rule.kind) {
    case 'none':
      return parent.bits;
    case 'interval': {
      if ((parent.height + 1) % rule.intervalBlocks !== 0) return parent.bits;
      const first = ancestorAt(parent.height - (rule.intervalBlocks - 1));
      if (first === undefined) return parent.bits;
      return intervalBits({
        parentBits: parent.bits,
        actualTimespanSec: parent.timeSec - first.timeSec,
        targetTimespanSec: rule.intervalBlocks * spacingSec,
        maxFactor: rule.maxFactor,
        powLimit,
      });
    }
    case 'lwma': {
      const n = rule.windowBlocks;
      if (parent.height < n) return parent.bits;
      const window: RetargetBlock[] = [];
      for (let h = parent.height - n; h <= parent.height; h++) {
        const b = h === parent.height ? parent : ancestorAt(h);
        if (b === undefined) return parent.bits;
        window.push(b);
      }
      return lwmaBits(window, spacingSec, powLimit);
    }
  }
}

export interface IntervalInput {
  readonly parentBits: number;
  readonly actualTimespanSec: number;
  readonly targetTimespanSec: number;
  readonly maxFactor: number;
  readonly powLimit: bigint;
}

/** CalculateNextWorkRequired: old target x actual / expected, clamped to x/÷ maxFactor, capped at powLimit. */
export function intervalBits(i: IntervalInput): number {
  const min = Math.floor(i.targetTimespanSec / i.maxFactor);
  const max = i.targetTimespanSec * i.maxFactor;
  const actual = Math.min(max, Math.max(min, i.actualTimespanSec));
  const target = (bitsToTarget(i.parentBits) * BigInt(actual)) / BigInt(i.targetTimespanSec);
  return targetToBits(target > i.powLimit ? i.powLimit : target);
}

/**
 * Zawy's LWMA-1: the mean target of the last N blocks, scaled by their linearly weighted
 * solve times over the weighted target time k = N(N+1)T/2. Timestamps are made monotone
 * (a block earlier than its predecessor counts 1 s later) and solve times are capped at 6T,
 * as in the reference code. `window` holds N+1 blocks, oldest first: the block before the
 * window, then the window. Unlike the C++ reference (which divides each target by N·k first
 * to stay inside 256 bits), the arithmetic here is exact.
 *
 * With fewer than N blocks of history nextBits keeps the parent's bits instead of dropping
 * to powLimit, so a simulated chain can start at the difficulty its hashrate calls for.
 */
export function lwmaBits(
  window: readonly RetargetBlock[],
  spacingSec: number,
  powLimit: bigint,
): number {
  const n = window.length - 1;
  if (n < 1) throw new RangeError('LWMA needs at least two blocks');
  const t = BigInt(spacingSec);
  let previous = window[0]!.timeSec;
  let weighted = 0n;
  let sumTargets = 0n;
  for (let j = 1; j <= n; j++) {
    const b = window[j]!;
    const timestamp = b.timeSec > previous ? b.timeSec : previous + 1;
    const solve = BigInt(timestamp - previous);
    previous = timestamp;
    weighted += (solve < 6n * t ? solve : 6n * t) * BigInt(j);
    sumTargets += bitsToTarget(b.bits);
  }
  const nn = BigInt(n);
  const k = (nn * (nn + 1n) * t) / 2n;
  const target = (sumTargets * weighted) / (nn * k);
  if (target < 1n) return targetToBits(1n);
  return targetToBits(target > powLimit ? powLimit : target);
}

/** The bits whose work a hashrate finds in one target block time on average: for a chain's start. */
export function equilibriumBits(
  hashesPerSec: number,
  blockTimeSec: number,
  powLimitBits: number,
): number {
  if (!(hashesPerSec > 0) || !(blockTimeSec > 0)) {
    throw new RangeError(`hashrate ${hashesPerSec} and block time ${blockTimeSec} must be > 0`);
  }
  const work = BigInt(Math.max(1, Math.round(hashesPerSec * blockTimeSec)));
  const powLimit = bitsToTarget(powLimitBits);
  const target = (1n << 256n) / work - 1n;
  return targetToBits(target > powLimit ? powLimit : target < 1n ? 1n : target);
}
