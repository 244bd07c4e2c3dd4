import type { Benchmark } from './benchmark.js';

/** Benchmarks whose name contains any filter (case-insensitive); all when none is given. */
export function selectBenchmarks(
  all: readonly Benchmark[],
  filters: readonly string[],
): readonly Benchmark[] {
  if (filters.length === 0) return all;
  const lower = filters.map((f) => f.toLowerCase());
  return all.filter((b) => lower.some((f) => b.name.toLowerCase().includes(f)));
}

/** Names that more than one benchmark uses: results would be ambiguous. */
export function duplicateNames(all: readonly Benchmark[]): readonly string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const b of all) (seen.has(b.name) ? dup : seen).add(b.name);
  return [...dup];
}
