import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ChimeraError } from '../../errors.js';
import {
  formatScenarioError,
  loadScenario,
  writeReportDir,
  type Scenario,
} from '../../scenarios/index.js';
import {
  protocolProblems,
  runScenario,
  type RunOptions,
  type RunProgress,
} from '../../scenarios/run/index.js';
import type { CliIo } from '../io.js';
import { renderLiveDashboard, renderPlainProgress, type ProgressView } from '../ui/index.js';

interface RunFlags {
  seed?: string;
  out?: string;
  ci?: boolean;
}

export interface RunCommandOptions {
  /** Where the live dashboard draws, when it is a TTY and --ci is not set. Default: process.stdout. */
  readonly stdout?: NodeJS.WriteStream;
  /** Plain mode: wall time between two routine progress lines. */
  readonly everyWallMs?: number;
  /** Passed to the runner (tests give fake wall clocks). */
  readonly runOptions?: Omit<RunOptions, 'seed' | 'onProgress'>;
}

/**
 * `chimera run <file>`: runs a scenario and writes its reports. Exit 0 when every gate passes,
 * 1 when a gate fails (RUN_GATES_FAILED), 2 when the scenario is invalid or cannot be run at
 * its fidelity yet. The seed is printed, and `--seed` replays any run.
 */
export function runCommand(io: CliIo, options: RunCommandOptions = {}): Command {
  return new Command('run')
    .description('run a scenario against the pool and its twin; write reports; judge the gates')
    .argument('<file>', 'scenario YAML file')
    .option('--seed <n>', "seed of every draw (default: the scenario's)")
    .option('--out <dir>', 'report directory (default: reports/<run-id>)')
    .option('--ci', 'plain progress lines, never the live dashboard')
    .action(async (file: string, flags: RunFlags) => {
      const scenario = await loadOrFail(io, file);
      const seed = parseSeed(flags.seed) ?? scenario.seed;
      const problems = protocolProblems(scenario);
      if (problems.length > 0) cannotRun(io, scenario, problems);
      const out = flags.out ?? join('reports', `${scenario.name}-${seed}`);
      io.out(
        `chimera run: ${scenario.name} (${scenario.fidelity}), seed ${seed}, reports in ${out}\n`,
      );
      let view: ProgressView | undefined;
      let last: RunProgress | undefined;
      const result = await runScenario(scenario, {
        ...options.runOptions,
        seed,
        onProgress: (progress) => {
          last = progress;
          if (view === undefined) view = openView(io, progress, flags.ci === true, options);
          else view.update(progress);
        },
      });
      if (view !== undefined && last !== undefined) await view.finish(last);
      await writeReportDir(out, result);
      const failed = result.gates.filter((g) => !g.passed).length;
      io.out(`\nseed ${seed}; reports: ${out}\n`);
      if (failed > 0) {
        throw new ChimeraError(
          'RUN_GATES_FAILED',
          `${failed} of ${result.gates.length} gate${result.gates.length === 1 ? '' : 's'} failed (replay: chimera run ${file} --seed ${seed})`,
        );
      }
    });
}

async function loadOrFail(io: CliIo, file: string): Promise<Scenario> {
  const parsed = await loadScenario(file);
  if (parsed.ok) return parsed.scenario;
  for (const error of parsed.errors) io.err(`${formatScenarioError(error)}\n`);
  const n = parsed.errors.length;
  throw new ChimeraError('SCENARIO_INVALID', `${n} error${n === 1 ? '' : 's'} in ${file}`);
}

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed)) {
    throw new ChimeraError('CLI_USAGE_INVALID', `--seed needs a whole number >= 0, got '${text}'`);
  }
  return seed;
}

/**
 * A valid scenario this runner cannot carry out: said with the runner's code, then exit 2
 * (a CommanderError is how a command sets its exit code without a second message).
 */
function cannotRun(io: CliIo, scenario: Scenario, problems: readonly string[]): never {
  const code =
    scenario.fidelity === 'protocol' ? 'RUN_SCENARIO_UNSUPPORTED' : 'RUN_FIDELITY_UNSUPPORTED';
  io.err(`chimera: ${code}: ${scenario.file} cannot be run yet:\n`);
  for (const problem of problems) io.err(`  - ${problem}\n`);
  throw new CommanderError(2, `chimera.run.${code}`, `${scenario.file} cannot be run yet`);
}

/** The live dashboard on a terminal, plain lines under --ci or into a pipe. */
function openView(
  io: CliIo,
  initial: RunProgress,
  ci: boolean,
  options: RunCommandOptions,
): ProgressView {
  const stdout = options.stdout ?? process.stdout;
  if (!ci && stdout.isTTY === true) return renderLiveDashboard(initial, { stdout });
  return renderPlainProgress(initial, {
    write: (text) => io.out(text),
    ...(options.everyWallMs === undefined ? {} : { everyWallMs: options.everyWallMs }),
  });
}
