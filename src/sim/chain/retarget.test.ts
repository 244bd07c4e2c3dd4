import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIM_BLAKE3_COIN, SIM_SHA256D_COIN, type CoinParams } from '../../pool/core/coins/index.js';
import { bitsToTarget, targetToBits, workOfTarget } from '../../pool/core/difficulty/index.js';
import {
  equilibriumBits,
  intervalBits,
  lwmaBits,
  nextBits,
  type RetargetBlock,
} from './retarget.js';

const POW_LIMIT = bitsToTarget(0x1d00ffff);

describe('interval retarget (Bitcoin Core CalculateNextWorkRequired)', () => {
  // Bitcoin Core's src/test/pow_tests.cpp: (last retarget time, tip time, tip bits) -> next bits.
  const CORE_VECTORS: readonly [string, number, number, number, number][] = [
    ['no constraint (block 32256)', 1261130161, 1262152739, 0x1d00ffff, 0x1d00d86a],
    ['capped at powLimit', 1231006505, 1233061996, 0x1d00ffff, 0x1d00ffff],
    ['lower bound of actual time', 1279008237, 1279297671, 0x1c05a3f4, 0x1c0168fd],
    ['upper bound of actual time', 1263163443, 1269211443, 0x1c387f6f, 0x1d00e1fd],
  ];
  it.each(CORE_VECTORS)('matches Bitcoin Core: %s', (_name, first, last, parentBits, expected) => {
    const bits = intervalBits({
      parentBits,
      actualTimespanSec: last - first,
      targetTimespanSec: 2016 * 600,
      maxFactor: 4,
      powLimit: POW_LIMIT,
    });
    expect(bits).toBe(expected);
  });

  it('clamps the step to x4 / ÷4 and never goes easier than powLimit', () => {
    const base = {
      parentBits: 0x1c0fffff,
      targetTimespanSec: 1000,
      maxFactor: 4,
      powLimit: POW_LIMIT,
    };
    const fast = bitsToTarget(intervalBits({ ...base, actualTimespanSec: 1 }));
    const slow = bitsToTarget(intervalBits({ ...base, actualTimespanSec: 1_000_000 }));
    expect(fast).toBe(bitsToTarget(targetToBits(bitsToTarget(0x1c0fffff) / 4n)));
    expect(slow).toBe(bitsToTarget(targetToBits(bitsToTarget(0x1c0fffff) * 4n)));
    expect(
      bitsToTarget(intervalBits({ ...base, parentBits: 0x1d00ffff, actualTimespanSec: 4000 })),
    ).toBe(POW_LIMIT);
  });

  it('keeps the parent bits between boundaries and reads the window start at height - (interval - 1)', () => {
    const coin: CoinParams = {
      ...SIM_SHA256D_COIN,
      retarget: { kind: 'interval', intervalBlocks: 10, maxFactor: 4 },
      targetBlockTimeSec: 60,
    };
    const asked: number[] = [];
    const at = (h: number): RetargetBlock => (
      asked.push(h),
      { height: h, timeSec: h * 30, bits: 0x1c0fffff }
    );
    expect(nextBits(coin, { height: 5, timeSec: 150, bits: 0x1c0fffff }, at)).toBe(0x1c0fffff);
    const bits = nextBits(coin, { height: 9, timeSec: 270, bits: 0x1c0fffff }, at);
    expect(asked).toEqual([0]);
    // 9 block gaps of 30 s measured against 600 s: the target shrinks to 270/600.
    expect(bitsToTarget(bits)).toBe(
      bitsToTarget(targetToBits((bitsToTarget(0x1c0fffff) * 270n) / 600n)),
    );
  });
});

describe('LWMA retarget', () => {
  const window = (solveSec: number, n = 45, bits = 0x1c0fffff): RetargetBlock[] =>
    Array.from({ length: n + 1 }, (_, i) => ({ height: i, timeSec: 1_000 + i * solveSec, bits }));

  it('leaves the target alone when every block took the target time', () => {
    expect(lwmaBits(window(60), 60, POW_LIMIT)).toBe(0x1c0fffff);
  });

  it('scales the target with the solve times: twice as fast, half the target', () => {
    const half = bitsToTarget(lwmaBits(window(30), 60, POW_LIMIT));
    expect(half).toBe(bitsToTarget(targetToBits(bitsToTarget(0x1c0fffff) / 2n)));
  });

  it('caps each solve time at 6T and treats time going backwards as +1 s', () => {
    const capped = lwmaBits(window(600), 60, POW_LIMIT);
    expect(bitsToTarget(capped)).toBe(bitsToTarget(targetToBits(bitsToTarget(0x1c0fffff) * 6n)));
    const backwards = window(60).map((b, i) => (i === 45 ? { ...b, timeSec: 0 } : b));
    expect(bitsToTarget(lwmaBits(backwards, 60, POW_LIMIT))).toBeLessThan(bitsToTarget(0x1c0fffff));
  });

  it('keeps the parent bits until a full window of history exists', () => {
    const at = (h: number): RetargetBlock => ({ height: h, timeSec: h, bits: 0x1c0fffff });
    expect(nextBits(SIM_BLAKE3_COIN, { height: 44, timeSec: 44, bits: 0x1c0fffff }, at)).toBe(
      0x1c0fffff,
    );
    expect(nextBits(SIM_BLAKE3_COIN, { height: 45, timeSec: 45, bits: 0x1c0fffff }, at)).not.toBe(
      0x1c0fffff,
    );
  });

  it('property: faster blocks never make the next target easier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 359 }), fc.integer({ min: 1, max: 359 }), (a, b) => {
        const [fast, slow] = a <= b ? [a, b] : [b, a];
        const tf = bitsToTarget(lwmaBits(window(fast), 60, POW_LIMIT));
        const ts = bitsToTarget(lwmaBits(window(slow), 60, POW_LIMIT));
        expect(tf <= ts).toBe(true);
      }),
    );
  });
});

describe('equilibriumBits', () => {
  it('gives bits whose work is the hashrate times the block time (to 3 significant bytes)', () => {
    const bits = equilibriumBits(1e12, 600, 0x1d00ffff);
    const work = workOfTarget(bitsToTarget(bits));
    expect(Number(work) / 6e14).toBeGreaterThan(0.9999);
    expect(Number(work) / 6e14).toBeLessThan(1.0001);
    expect(equilibriumBits(1, 1, 0x207fffff)).toBe(0x207fffff);
  });
});
