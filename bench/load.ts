import { readdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark } from './benchmark.js';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/** Every benchmark exported by `<dir>/*.bench.ts`, files in name order. */
export async function loadBenchmarks(dir: string = BENCH_DIR): Promise<Benchmark[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
  const all: Benchmark[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { benchmarks?: unknown };
    if (!Array.isArray(mod.benchmarks)) throw new Error(`${file} exports no 'benchmarks' array`);
    for (const bench of mod.benchmarks as unknown[]) all.push(bench as Benchmark);
  }
  return all;
}
