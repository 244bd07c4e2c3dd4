import { describe, expect, it } from 'vitest';
import { loadBenchmarks } from './load.js';
import { duplicateNames } from './select.js';

describe('benchmark modules', async () => {
  const all = await loadBenchmarks();

  it('export benchmarks with unique names, a unit and a setup', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(duplicateNames(all)).toEqual([]);
    for (const b of all) {
      expect(b.name, b.name).toMatch(/^[a-z0-9-]+\/\S+$/);
      expect(b.unit.length, b.name).toBeGreaterThan(0);
      expect(typeof b.setup, b.name).toBe('function');
    }
  });

  it('name only existing benchmarks in relative targets', () => {
    const names = new Set(all.map((b) => b.name));
    for (const b of all) {
      if (b.target?.kind !== 'relative') continue;
      expect(
        b.target.of.filter((n) => !names.has(n)),
        b.name,
      ).toEqual([]);
      expect(b.target.within).toBeGreaterThanOrEqual(0);
      expect(b.target.within).toBeLessThan(1);
    }
  });

  it('hash-header covers every built-in algorithm and the alternatives it was chosen over', () => {
    const names = all.map((b) => b.name);
    for (const id of ['sha256d', 'scrypt', 'blake3', 'blake2s']) {
      expect(names).toContain(`hash-header/${id}`);
    }
    expect(names).toContain('hash-header/sha256d:node-crypto');
    expect(names).toContain('hash-header/scrypt:hash-wasm-async');
    expect(names).toContain('hash-header/blake2s:node-crypto');
  });
});
