import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { ChimeraError } from '../../errors.js';
import { formatDuration, loadScenario } from '../../scenarios/index.js';
import type { CliIo } from '../io.js';

/** `chimera list [dir]`: the scenario files in a directory, each with its one-line description. */
export function listCommand(io: CliIo): Command {
  return new Command('list')
    .description('list scenario files with their descriptions')
    .argument('[dir]', 'directory of scenario files', 'scenarios')
    .action(async (dir: string) => {
      const rows = await scenarioRows(dir);
      if (rows.length === 0) {
        io.out(`no scenario files (*.yaml, *.yml) in ${dir}\n`);
        return;
      }
      io.out(formatRows(rows));
    });
}

type Row = readonly [file: string, fidelity: string, duration: string, description: string];

async function scenarioRows(dir: string): Promise<Row[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChimeraError('CLI_USAGE_INVALID', `cannot list ${dir}: ${reason}`);
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n)).sort();
  const rows: Row[] = [];
  for (const name of files) {
    const path = join(dir, name);
    const parsed = await loadScenario(path);
    if (parsed.ok) {
      const { fidelity, durationMs, description } = parsed.scenario;
      rows.push([name, fidelity, formatDuration(durationMs), description]);
    } else {
      const count = parsed.errors.length;
      const problem = `invalid: ${count} error${count === 1 ? '' : 's'} (chimera validate ${path})`;
      rows.push([name, '-', '-', problem]);
    }
  }
  return rows;
}

function formatRows(rows: readonly Row[]): string {
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((text, i) => (i < 3 ? text.padEnd(widths[i] ?? 0) : text))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}
