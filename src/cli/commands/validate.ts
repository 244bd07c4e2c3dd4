import { Command } from 'commander';
import { ChimeraError } from '../../errors.js';
import {
  formatDuration,
  formatScenarioError,
  loadScenario,
  type Scenario,
} from '../../scenarios/index.js';
import type { CliIo } from '../io.js';

/**
 * `chimera validate <file...>`: checks scenario files without running anything. Prints
 * every error as `file:line:col: path: message` on stderr; a bad file makes the command
 * fail with SCENARIO_INVALID, which `main` turns into exit code 2.
 */
export function validateCommand(io: CliIo): Command {
  return new Command('validate')
    .description('check scenario files: every error with file, line and column; runs nothing')
    .argument('<files...>', 'scenario YAML files')
    .action(async (files: string[]) => {
      let invalid = 0;
      let errors = 0;
      for (const file of files) {
        const parsed = await loadScenario(file);
        if (parsed.ok) {
          io.out(`${file}: ok (${describe(parsed.scenario)})\n`);
          continue;
        }
        invalid++;
        errors += parsed.errors.length;
        for (const error of parsed.errors) io.err(`${formatScenarioError(error)}\n`);
      }
      if (invalid > 0) {
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        throw new ChimeraError(
          'SCENARIO_INVALID',
          `${plural(errors, 'error')} in ${plural(invalid, 'scenario file')}`,
        );
      }
    });
}

function describe(scenario: Scenario): string {
  const miners = scenario.farms.reduce((sum, f) => sum + f.count, 0);
  return [
    scenario.name,
    scenario.fidelity,
    formatDuration(scenario.durationMs),
    `${scenario.networks.length} network${scenario.networks.length === 1 ? '' : 's'}`,
    `${miners} miners in ${scenario.farms.length} farm${scenario.farms.length === 1 ? '' : 's'}`,
    `${scenario.events.length} events`,
    `${scenario.gates.length} gates`,
  ].join(', ');
}
