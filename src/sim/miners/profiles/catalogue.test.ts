import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../../pool/core/algorithms/index.js';
import { CPU_GENERIC, PROFILES, findProfile } from './catalogue.js';

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
  });

  it('include cpu-generic, which mines every built-in algorithm', async () => {
    const registry = await createDefaultRegistry();
    expect(findProfile('cpu-generic')).toBe(CPU_GENERIC);
    for (const alg of registry.list()) expect(CPU_GENERIC.hashrate[alg.id]).toBeDefined();
  });
});
