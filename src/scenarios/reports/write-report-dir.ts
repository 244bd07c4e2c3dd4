import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { junitXml } from './junit-xml.js';
import { reportMarkdown } from './report-md.js';
import type { RunResult } from './run-result.js';
import { summaryJson, wallJson } from './summary-json.js';

/** Every report file of a run, by name: what `writeReportDir` writes. */
export function reportFiles(result: RunResult): ReadonlyMap<string, string> {
  const files = new Map<string, string>([
    ['summary.json', summaryJson(result)],
    ['junit.xml', junitXml(result)],
    ['report.md', reportMarkdown(result)],
  ]);
  const wall = wallJson(result);
  if (wall !== undefined) files.set('wall.json', wall);
  return files;
}

/** Writes a run's reports into `dir` (created if needed); returns the paths written. */
export async function writeReportDir(dir: string, result: RunResult): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of reportFiles(result)) {
    const path = join(dir, name);
    await writeFile(path, text, 'utf8');
    written.push(path);
  }
  return written;
}
