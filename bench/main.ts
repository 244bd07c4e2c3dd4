/**
 * `npm run bench [-- <filter>...] [--time ms] [--warmup ms] [--out dir] [--list] [--strict]`
 *
 * Runs every benchmark exported by `bench/*.bench.ts` whose name contains one of the filters,
 * prints a table, and writes JSON and Markdown under reports/bench/. `--strict` exits 1 when
 * a target is missed (for CI).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCpuClock } from './cpu-clock.js';
import { describeMachine, loadAverage1m, writeReport } from './environment.js';
import { loadBenchmarks } from './load.js';
import { measureAll } from './measure.js';
import { anyMissed, formatTable, type BenchReport, type ReportRow } from './report.js';
import { duplicateNames, selectBenchmarks } from './select.js';
import { describeTarget, judge } from './targets.js';

function positiveInt(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag} needs a positive integer`);
  return n;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      time: { type: 'string' },
      warmup: { type: 'string' },
      out: { type: 'string', default: 'reports/bench' },
      list: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const timeMs = positiveInt(values.time, 2000, 'time');
  const warmupMs = positiveInt(values.warmup, 300, 'warmup');
  const all = await loadBenchmarks();
  const dups = duplicateNames(all);
  if (dups.length > 0) throw new Error(`duplicate benchmark names: ${dups.join(', ')}`);
  const chosen = selectBenchmarks(all, positionals);
  if (values.list) {
    for (const b of all) console.log(`${chosen.includes(b) ? '*' : ' '} ${b.name}`);
    return 0;
  }
  if (chosen.length === 0) {
    console.error(`no benchmark matches ${positionals.join(' ')}; try --list`);
    return 2;
  }

  const loadStart = loadAverage1m();
  const machine = describeMachine();
  console.log(`warming up ${chosen.length} benchmark(s), then sampling them in turn`);
  const cpuClock = createCpuClock();
  const measured = await measureAll(chosen, { timeMs, warmupMs, cpuClock }, (name) =>
    console.log(`  ready: ${name}`),
  );
  const results: ReportRow[] = measured.map((m, i) => {
    const target = chosen[i]!.target;
    return target === undefined ? m : { ...m, target: judge(m, target, measured) };
  });
  const report: BenchReport = {
    run: {
      ...machine,
      loadAverage: { start: loadStart, end: loadAverage1m() },
      cpuClock: cpuClock.kind,
      filters: positionals,
      timeMs,
      warmupMs,
    },
    results,
  };
  console.log(`\n${formatTable(report)}\n`);
  for (const path of await writeReport(report, resolve(values.out))) console.log(`wrote ${path}`);
  if (anyMissed(report)) {
    const missed = results.filter((r) => r.target?.status === 'missed');
    for (const r of missed) {
      const target = chosen.find((b) => b.name === r.name)!.target!;
      console.log(`target missed: ${r.name} ${describeTarget(target, r.unit)}`);
    }
    return values.strict ? 1 : 0;
  }
  return 0;
}

process.exitCode = await main();
