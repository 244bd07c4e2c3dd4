import { describe, expect, it } from 'vitest';
import type { Benchmark } from './benchmark.js';
import { duplicateNames, selectBenchmarks } from './select.js';

const bench = (name: string): Benchmark => ({ name, unit: 'op', setup: () => () => 0 });
const all = ['hash-header/sha256d', 'hash-header/scrypt', 'share/validate'].map(bench);

describe('selectBenchmarks', () => {
  it('runs everything without filters', () => {
    expect(selectBenchmarks(all, [])).toEqual(all);
  });

  it('keeps names containing any filter, ignoring case, in their original order', () => {
    const names = selectBenchmarks(all, ['SCRYPT', 'share']).map((b) => b.name);
    expect(names).toEqual(['hash-header/scrypt', 'share/validate']);
  });

  it('returns nothing when no name matches', () => {
    expect(selectBenchmarks(all, ['x11'])).toEqual([]);
  });
});

describe('duplicateNames', () => {
  it('names each name used twice, once', () => {
    expect(duplicateNames([...all, bench('share/validate'), bench('share/validate')])).toEqual([
      'share/validate',
    ]);
    expect(duplicateNames(all)).toEqual([]);
  });
});
