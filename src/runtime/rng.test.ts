import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('Rng', () => {
  it('replays the same stream for the same seed', () => {
    const a = createRng(42);
    const b = createRng('42');
    const xs = Array.from({ length: 20 }, () => a.next());
    const ys = Array.from({ length: 20 }, () => b.next());
    expect(xs).toEqual(ys);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });

  it('forks independent, reproducible streams by label', () => {
    const root = createRng('s');
    const f1 = root.fork('miner-1').next();
    expect(createRng('s').fork('miner-1').next()).toBe(f1);
    expect(root.fork('miner-2').next()).not.toBe(f1);
  });

  it('keeps int() inside its bounds and hits both ends', () => {
    const r = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => r.int(5, 4)).toThrow(RangeError);
  });

  it('draws exponential samples with the asked mean (seeded, 20k samples, 3% band)', () => {
    const r = createRng('exp');
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) sum += r.exponential(150);
    expect(sum / n).toBeGreaterThan(150 * 0.97);
    expect(sum / n).toBeLessThan(150 * 1.03);
  });

  it('makes reproducible bytes of any length', () => {
    expect(createRng(9).bytes(7)).toEqual(createRng(9).bytes(7));
    expect(createRng(9).bytes(7)).toHaveLength(7);
  });
});
