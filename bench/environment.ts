import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchReport, RunInfo } from './report.js';
import { formatMarkdown } from './report.js';

export type MachineInfo = Pick<
  RunInfo,
  'date' | 'node' | 'v8' | 'platform' | 'arch' | 'cpuModel' | 'cpuCount'
>;

export function describeMachine(): MachineInfo {
  const cpuList = cpus();
  return {
    date: new Date().toISOString(),
    node: process.versions.node,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cpuCount: cpuList.length,
  };
}

export function loadAverage1m(): number {
  return loadavg()[0] ?? 0;
}

/** Writes `<stamp>.json` and `<stamp>.md`, and the same as `latest.json` / `latest.md`. */
export async function writeReport(report: BenchReport, dir: string): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = `bench-${report.run.date.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}`;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const md = formatMarkdown(report);
  const files = [
    [join(dir, `${stamp}.json`), json],
    [join(dir, `${stamp}.md`), md],
    [join(dir, 'latest.json'), json],
    [join(dir, 'latest.md'), md],
  ] as const;
  await Promise.all(files.map(([path, text]) => writeFile(path, text)));
  return files.map(([path]) => path);
}
