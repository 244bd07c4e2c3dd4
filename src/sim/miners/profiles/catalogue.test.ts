import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../../pool/core/algorithms/index.js';
import { farmSpec } from '../farm/farm-spec.js';
import { minerSpecs } from '../farm/miner-specs.js';
import {
  ANTMINER_L7,
  ANTMINER_L9,
  ANTMINER_S19,
  ANTMINER_S21,
  CPU_GENERIC,
  CPU_SERVER,
  GPU_HIGHEND,
  GPU_MIDRANGE,
  ICERIVER_AL3,
  PROFILES,
  findProfile,
} from './catalogue.js';
import type { HardwareProfile } from './types.js';

describe('hardware profiles', () => {
  it('have unique ids, positive figures, a user agent and their sources', () => {
    expect(new Set(PROFILES.map((p) => p.id)).size).toBe(PROFILES.length);
    for (const p of PROFILES) {
      expect(Object.keys(p.hashrate).length).toBeGreaterThan(0);
      for (const r of Object.values(p.hashrate)) {
        expect(r.hashesPerSec).toBeGreaterThan(0);
        expect(r.spread).toBeGreaterThanOrEqual(0);
        expect(r.spread).toBeLessThan(0.5);
      }
      expect(p.userAgent.length).toBeGreaterThan(0);
      expect(p.reconnect.initialMs).toBeGreaterThan(0);
      expect(p.reconnect.maxMs).toBeGreaterThanOrEqual(p.reconnect.initialMs);
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('cover ASICs for sha256d and scrypt, GPUs, CPUs and hobby devices', () => {
    const kinds = (alg: string) => PROFILES.filter((p) => p.hashrate[alg]).map((p) => p.kind);
    expect(kinds('sha256d')).toEqual(expect.arrayContaining(['asic', 'gpu', 'cpu', 'hobby']));
    expect(kinds('scrypt')).toEqual(expect.arrayContaining(['asic', 'gpu', 'cpu', 'hobby']));
    expect(kinds('blake3')).toEqual(expect.arrayContaining(['asic', 'gpu', 'cpu']));
  });

  it('include cpu-generic, which mines every built-in algorithm', async () => {
    const registry = await createDefaultRegistry();
    expect(findProfile('cpu-generic')).toBe(CPU_GENERIC);
    for (const alg of registry.list()) expect(CPU_GENERIC.hashrate[alg.id]).toBeDefined();
  });

  it.each([
    ['antminer-s19', 'sha256d', 95e12],
    ['antminer-s21', 'sha256d', 200e12],
    ['antminer-l7', 'scrypt', 9.5e9],
    ['antminer-l9', 'scrypt', 16e9],
    ['iceriver-al3', 'blake3', 15e12],
  ] as const)('%s mines only %s, at its maker rate (%d H/s)', (id, alg, rate) => {
    const p = findProfile(id)!;
    expect(p.kind).toBe('asic');
    expect(Object.keys(p.hashrate)).toEqual([alg]);
    expect(p.hashrate[alg]?.hashesPerSec).toBe(rate);
  });

  it('roll version bits only on SHA-256 hardware (BIP 310 is a Bitcoin-header extension)', () => {
    const rolling = PROFILES.filter((p) => p.protocol.versionRolling !== undefined);
    expect(rolling.filter((p) => p.hashrate.sha256d === undefined).map((p) => p.id)).toEqual([]);
    expect(ANTMINER_S21.protocol.versionRolling).toEqual({ mask: 0x1fffe000, minBitCount: 2 });
    expect(ANTMINER_L9.protocol.versionRolling).toBeUndefined();
    expect(ICERIVER_AL3.protocol.versionRolling).toBeUndefined();
  });

  it.each([
    [ANTMINER_S21.id, ANTMINER_S21, ANTMINER_S19],
    [ANTMINER_L9.id, ANTMINER_L9, ANTMINER_L7],
  ])('%s runs its predecessor firmware, faster', (_id, next, prev) => {
    const alg = Object.keys(prev.hashrate)[0]!;
    expect(next.hashrate[alg]!.hashesPerSec).toBeGreaterThan(prev.hashrate[alg]!.hashesPerSec);
    const firmware = (p: HardwareProfile) => [p.userAgent, p.reconnect, p.protocol, p.quirks];
    expect(firmware(next)).toEqual(firmware(prev));
  });

  it('gpu-highend (RTX 4090 class) does 1.5-3x gpu-midrange (RTX 3080 class) on each algorithm', () => {
    expect(Object.keys(GPU_HIGHEND.hashrate).sort()).toEqual(['blake3', 'scrypt', 'sha256d']);
    for (const [alg, rate] of Object.entries(GPU_HIGHEND.hashrate)) {
      const ratio = rate.hashesPerSec / GPU_MIDRANGE.hashrate[alg]!.hashesPerSec;
      expect([alg, ratio > 1.5 && ratio < 3]).toEqual([alg, true]);
    }
    expect(GPU_HIGHEND.protocol.extranonceSubscribe).toBe(true);
  });

  it('cpu-server mines every built-in algorithm at 12x cpu-generic (16x threads, 0.75x clock)', async () => {
    const registry = await createDefaultRegistry();
    for (const { id } of registry.list()) {
      expect(CPU_SERVER.hashrate[id]!.hashesPerSec).toBeCloseTo(
        CPU_GENERIC.hashrate[id]!.hashesPerSec * 12,
      );
    }
    expect([CPU_SERVER.quirks, CPU_SERVER.reconnect]).toEqual([
      CPU_GENERIC.quirks,
      CPU_GENERIC.reconnect,
    ]);
  });
});

describe('a farm of a profile', () => {
  const cases = [ANTMINER_S21, ANTMINER_L9, ICERIVER_AL3, GPU_HIGHEND, CPU_SERVER].flatMap((p) =>
    Object.keys(p.hashrate).map((alg) => [p.id, alg] as const),
  );

  it.each(cases)(
    '%s on %s: 400 units average the nominal rate and differ by the spread',
    (id, alg) => {
      // Arrange
      const profile = findProfile(id)!;
      const { hashesPerSec, spread } = profile.hashrate[alg]!;
      const spec = farmSpec({
        id: 'f',
        seed: 'spread',
        algorithm: alg,
        address: 'a',
        groups: [{ profile: id, count: 400 }],
      });
      // Act
      const rates = minerSpecs(spec).map((m) => m.hashrate / hashesPerSec);
      // Assert: within three standard errors of the mean, and a quarter of the spread
      const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
      const sd = Math.sqrt(rates.reduce((a, r) => a + (r - mean) ** 2, 0) / (rates.length - 1));
      expect(Math.abs(mean - 1)).toBeLessThan((3 * spread) / Math.sqrt(rates.length));
      expect(sd).toBeGreaterThan(spread * 0.75);
      expect(sd).toBeLessThan(spread * 1.25);
    },
  );
});
