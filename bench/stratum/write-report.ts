import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MachineInfo } from '../environment.js';
import type { CapacityRun } from './capacity-run.js';
import { formatFigureMarkdownTable, type Figure } from './figures.js';

export interface CapacityReport {
  readonly run: MachineInfo & {
    /** 1-minute load average before and after: a loaded machine reads slow. */
    readonly loadAverage: { readonly start: number; readonly end: number };
    readonly generator: string;
    readonly wallMs: number;
  };
  readonly figures: readonly Figure[];
  readonly details: CapacityRun;
}

export function runLine(report: CapacityReport): string {
  const r = report.run;
  return (
    `${r.date} · Node ${r.node} · ${r.platform}/${r.arch} · ${r.cpuModel} × ${r.cpuCount} · ` +
    `load ${r.loadAverage.start.toFixed(2)} → ${r.loadAverage.end.toFixed(2)} · ` +
    `${r.generator} · ${(r.wallMs / 1000).toFixed(0)} s`
  );
}

export function formatCapacityMarkdown(report: CapacityReport): string {
  const notes = report.figures
    .filter((f) => f.note !== undefined)
    .map((f) => `- \`${f.name}\`: ${f.note}`);
  const errors = report.details.errors.map((e) => `- ${e}`);
  return [
    '# Stratum capacity',
    '',
    runLine(report),
    '',
    ...formatFigureMarkdownTable(report.figures),
    '',
    ...notes,
    ...(errors.length > 0 ? ['', '## Errors', '', ...errors] : []),
    '',
  ].join('\n');
}

/** `stratum-load-<stamp>.{json,md}` and `stratum-load-latest.{json,md}` in `dir`. */
export async function writeCapacityReport(
  report: CapacityReport,
  dir: string,
): Promise<readonly string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = `stratum-load-${report.run.date.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}`;
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const md = formatCapacityMarkdown(report);
  const files = [
    [join(dir, `${stamp}.json`), json],
    [join(dir, `${stamp}.md`), md],
    [join(dir, 'stratum-load-latest.json'), json],
    [join(dir, 'stratum-load-latest.md'), md],
  ] as const;
  await Promise.all(files.map(([path, text]) => writeFile(path, text)));
  return files.map(([path]) => path);
}
