import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_HASHES_PER_SHARE, realHashBudget } from './scale.js';
import { planScale, profileScaleDigits, type ScaleInput } from './scale-plan.js';

const FLOOR = Number(MIN_HASHES_PER_SHARE);
const HOUR = 3_600_000;

function farm(id: string, profile: string, count: number): ScaleInput['farms'][number] {
  return { id, count, profiles: [{ profile, shareBps: 10_000 }] };
}

describe('planScale', () => {
  it('leaves every farm native when the shrink keeps each above the floor', () => {
    // Act: five scrypt ASICs for an hour, 10 s target
    const plan = planScale({
      algorithm: 'scrypt',
      durationMs: HOUR,
      targetTimeMs: 10_000,
      farms: [farm('asics', 'asic-scrypt-l7', 5)],
    });
    // Assert: 9.5 GH/s shrunk by 1e-10 is 9.5 hashes per 10 s
    expect(plan.scale.digits).toBe(10);
    expect(plan.farms).toEqual([
      expect.objectContaining({ farm: 'asics', state: 'native', boostHashes: 0 }),
    ]);
    expect(plan.farms[0]?.profiles[0]?.hashesPerTarget).toBeCloseTo(9.5, 9);
    expect(plan.poolRealHashrate).toBeCloseTo(4.75, 9);
  });

  it('spares small hardware beside ASICs part of the shrink, within the budget', () => {
    // Act: twenty S19s and five mid-range GPUs on sha256d for two hours
    const plan = planScale({
      algorithm: 'sha256d',
      durationMs: 2 * HOUR,
      targetTimeMs: 10_000,
      farms: [farm('honest', 'asic-sha256-s19', 20), farm('dupes', 'gpu-midrange', 5)],
    });
    // Assert: the world shrinks by 1e-14; the GPUs (4.8 GH/s) by only 1e-10
    expect(plan.scale.digits).toBe(14);
    const dupes = plan.farms[1];
    expect(dupes?.state).toBe('boosted');
    expect(dupes?.profiles[0]?.boostDigits).toBe(4);
    expect(dupes?.profiles[0]?.hashesPerTarget).toBeCloseTo(4.8, 9);
    expect(profileScaleDigits(plan, 'dupes', 'gpu-midrange')).toBe(10);
    expect(profileScaleDigits(plan, 'honest', 'asic-sha256-s19')).toBe(14);
    // The boost's extra real hashes, and the chain sees the boosted rate
    expect(dupes?.boostHashes).toBeCloseTo(5 * (0.48 - 4.8e-5) * 7_200, 6);
    expect(plan.poolRealHashrate).toBeCloseTo(20 * 0.95 + 5 * 0.48, 9);
  });

  it('grants boosts in farm order while they fit, and leaves the rest below the floor', () => {
    // Act: two farms of 200 CPUs beside S19s; each boost costs ~576,000 of 1,000,000 hashes
    const plan = planScale({
      algorithm: 'sha256d',
      durationMs: 2 * HOUR,
      targetTimeMs: 10_000,
      farms: [
        farm('honest', 'asic-sha256-s19', 20),
        farm('first', 'cpu-desktop', 200),
        farm('second', 'cpu-desktop', 200),
      ],
    });
    // Assert
    expect(plan.farms.map((f) => f.state)).toEqual(['native', 'boosted', 'under-floor']);
    expect(plan.farms[2]?.profiles[0]?.boostDigits).toBe(0);
    expect(plan.farms[2]?.profiles[0]?.hashesPerTarget).toBeLessThan(FLOOR);
  });

  it('cannot lift CPUs next to scrypt ASICs for hours: they stay below the floor', () => {
    // Act: the shape of vardiff-mixed
    const plan = planScale({
      algorithm: 'scrypt',
      durationMs: 3 * HOUR,
      targetTimeMs: 10_000,
      farms: [farm('cpus', 'cpu-desktop', 100), farm('asics', 'asic-scrypt-l9', 5)],
    });
    // Assert
    expect(plan.farms.map((f) => f.state)).toEqual(['under-floor', 'under-floor']);
    expect(plan.farms[0]?.boostHashes).toBeGreaterThan(realHashBudget('scrypt'));
  });

  it('holds every farm at or above the floor unless it says otherwise, within twice the budget', () => {
    const profiles = ['cpu-desktop', 'gpu-midrange', 'gpu-highend', 'asic-sha256-s19'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            profile: fc.constantFrom(...profiles),
            count: fc.integer({ min: 1, max: 500 }),
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom(5_000, 10_000, 30_000),
        (farms, hours, targetTimeMs) => {
          // Arrange
          const input: ScaleInput = {
            algorithm: 'sha256d',
            durationMs: hours * HOUR,
            targetTimeMs,
            farms: farms.map((f, i) => farm(`f${i}`, f.profile, f.count)),
          };
          // Act
          const plan = planScale(input);
          // Assert
          let boosted = 0;
          for (const f of plan.farms) {
            const rates = f.profiles.map((p) => p.hashesPerTarget);
            if (f.state === 'under-floor') {
              expect(Math.min(...rates)).toBeLessThan(FLOOR);
              expect(f.profiles.every((p) => p.boostDigits === 0)).toBe(true);
              continue;
            }
            expect(Math.min(...rates)).toBeGreaterThanOrEqual(FLOOR);
            for (const p of f.profiles) {
              // A boost is the fewest powers of ten that reach the floor.
              if (p.boostDigits > 0) expect(p.hashesPerTarget / 10).toBeLessThan(FLOOR);
            }
            if (f.state === 'boosted') boosted += f.boostHashes;
          }
          expect(boosted).toBeLessThanOrEqual(plan.budget);
          expect(planScale(input)).toEqual(plan);
        },
      ),
    );
  });
});
