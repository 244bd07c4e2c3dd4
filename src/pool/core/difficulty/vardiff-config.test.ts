import { describe, expect, it } from 'vitest';
import { difficultyFrom } from './difficulty.js';
import { vardiffConfig, type VardiffConfigInput } from './vardiff-config.js';

const good: VardiffConfigInput = {
  targetShareTimeMs: 10_000,
  retargetIntervalMs: 90_000,
  variancePercent: 30,
  minDifficulty: 0.001,
  maxDifficulty: '65536',
  maxStepFactor: 4,
};

describe('vardiffConfig', () => {
  it('keeps the given figures and their exact forms', () => {
    // Act
    const cfg = vardiffConfig(good);
    // Assert
    expect(cfg.minDifficulty).toEqual(difficultyFrom('0.001'));
    expect(cfg.maxDifficulty).toEqual(difficultyFrom(65536));
    expect(cfg.exact).toEqual({
      targetShareTimeUs: 10_000_000n,
      retargetIntervalUs: 90_000_000n,
      variance: { num: 3n, den: 10n },
      maxStep: { num: 4n, den: 1n },
    });
    expect(Object.isFrozen(cfg)).toBe(true);
  });

  it('takes Difficulty values and fractional steps and percentages exactly', () => {
    const cfg = vardiffConfig({
      ...good,
      minDifficulty: { num: 2n, den: 4n },
      variancePercent: 12.5,
      maxStepFactor: 1.5,
    });
    expect(cfg.minDifficulty).toEqual({ num: 1n, den: 2n });
    expect(cfg.exact.variance).toEqual({ num: 1n, den: 8n });
    expect(cfg.exact.maxStep).toEqual({ num: 3n, den: 2n });
  });

  it.each([
    [{ targetShareTimeMs: 0 }, /targetShareTimeMs must be a finite number > 0/],
    [{ targetShareTimeMs: Number.NaN }, /targetShareTimeMs/],
    [{ retargetIntervalMs: -5 }, /retargetIntervalMs must be a finite number > 0/],
    [{ retargetIntervalMs: 0.0001 }, /retargetIntervalMs must be at least 0.001 ms/],
    [{ variancePercent: 0 }, /variancePercent must be > 0 and < 100/],
    [{ variancePercent: 100 }, /variancePercent/],
    [{ maxStepFactor: 1 }, /maxStepFactor must be a finite number > 1/],
    [{ maxStepFactor: Infinity }, /maxStepFactor/],
    [{ minDifficulty: 0 }, /minDifficulty: difficulty must be > 0/],
    [{ minDifficulty: { num: 0n, den: 1n } }, /minDifficulty must be > 0/],
    [{ maxDifficulty: 'lots' }, /maxDifficulty: difficulty 'lots' is not a decimal/],
    [{ minDifficulty: 10, maxDifficulty: 1 }, /minDifficulty must not be above maxDifficulty/],
  ] as const)('refuses %o', (patch, message) => {
    expect(() => vardiffConfig({ ...good, ...patch })).toThrow(RangeError);
    expect(() => vardiffConfig({ ...good, ...patch })).toThrow(message);
  });
});
