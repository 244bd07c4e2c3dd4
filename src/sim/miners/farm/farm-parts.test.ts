import { describe, expect, it } from 'vitest';
import { SCRYPT_DIFF1, SHA256D_DIFF1 } from '../../../pool/core/difficulty/index.js';
import { planCapacity } from './capacity.js';
import { farmSpec } from './farm-spec.js';
import { LatencyHistogram } from './latency-histogram.js';
import { minerSpecs } from './miner-specs.js';
import { sourceAddress } from './wall-farm.js';

const SPEC = {
  id: 'f',
  seed: 1,
  algorithm: 'sha256d',
  address: 'addr',
  groups: [
    { profile: 'antminer-s19', count: 3 },
    { profile: 'cpu-generic', count: 2, behaviour: 'duplicate-shares' },
  ],
  hashrateScale: 1e-6,
};

describe('farm parts', () => {
  it('refuses unknown profiles and behaviours, and profiles that do not mine the algorithm', () => {
    expect(() => farmSpec({ ...SPEC, groups: [{ profile: 'antminer-l7', count: 1 }] })).toThrow(
      /FARM_SPEC_INVALID: groups.0.profile: 'antminer-l7' does not mine sha256d/,
    );
    expect(() =>
      farmSpec({ ...SPEC, groups: [{ profile: 'x', count: 1, behaviour: 'y' }] }),
    ).toThrow(/unknown profile 'x'.*unknown behaviour 'y'/);
    expect(() => farmSpec({ ...SPEC, hashrateScale: 0 })).toThrow(
      /FARM_SPEC_INVALID: hashrateScale/,
    );
  });

  it('draws each unit its hashrate from the seed and its id, spread around the scaled nominal', () => {
    const miners = minerSpecs(farmSpec(SPEC));
    expect(miners.map((m) => m.id)).toEqual(['f-0-0', 'f-0-1', 'f-0-2', 'f-1-0', 'f-1-1']);
    expect(minerSpecs(farmSpec(SPEC))).toEqual(miners);
    const s19 = miners.slice(0, 3).map((m) => m.hashrate / (95e12 * 1e-6));
    expect(s19.every((r) => r > 0.85 && r < 1.15)).toBe(true);
    expect(new Set(s19).size).toBe(3);
    expect(miners[3]!.username).toBe('addr.f-1-0');
  });

  it('plans capacity: one real hash per nominal hash, the share difficulty from the interval', () => {
    const plan = planCapacity({
      diff1Target: SHA256D_DIFF1,
      miners: 1000,
      hashratePerMiner: 40e6,
      hashrateScale: 1e-5,
      threads: 2,
      hashesPerSecPerThread: 600_000,
      shareIntervalSec: 10,
    });
    expect(plan.demandHashesPerSec).toBeCloseTo(400_000, 3);
    expect(plan.load).toBeCloseTo(1 / 3, 6);
    expect(plan.saturated).toBe(false);
    expect(plan.hashesPerShare).toBeCloseTo(4_000, 3);
    expect(plan.maxHashrateScale).toBeCloseTo(3e-5, 9);
    const scrypt = planCapacity({
      diff1Target: SCRYPT_DIFF1,
      miners: 1000,
      hashratePerMiner: 80e3,
      hashrateScale: 1e-4,
      threads: 2,
      hashesPerSecPerThread: 4_300,
      shareIntervalSec: 10,
    });
    expect(scrypt.shareDifficulty).toBeCloseTo(80 / 65_537, 9);
    expect(scrypt.load).toBeCloseTo(8_000 / 8_600, 6);
    expect(scrypt.saturated).toBe(false);
  });

  it('merges latency histograms across threads', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 1; i <= 99; i++) a.record(i / 10);
    b.record(50);
    const merged = new LatencyHistogram();
    merged.addEncoded(a.encode());
    merged.addEncoded(b.encode());
    expect(merged.summary()).toMatchObject({ count: 100, maxMs: expect.closeTo(50, 1) as unknown });
    expect(merged.summary().p50Ms).toBeCloseTo(5, 1);
  });

  it('gives miners distinct loopback source addresses', () => {
    expect([0, 1, 255, 256, 70_000].map(sourceAddress)).toEqual([
      '127.10.0.1',
      '127.10.0.2',
      '127.10.1.0',
      '127.10.1.1',
      '127.11.17.113',
    ]);
  });
});
