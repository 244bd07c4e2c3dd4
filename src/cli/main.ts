import { Command, CommanderError } from 'commander';
import { ChimeraError } from '../errors.js';
import { chainCommand } from './commands/chain.js';
import { errorsCommand } from './commands/errors.js';
import { farmCommand } from './commands/farm.js';
import { listCommand } from './commands/list.js';
import { operatorCommand } from './commands/operator.js';
import { poolCommand } from './commands/pool.js';
import { runCommand } from './commands/run.js';
import { switchCommand } from './commands/switch.js';
import { validateCommand } from './commands/validate.js';
import { processIo, type CliIo } from './io.js';

/** Builds the `chimera` command line. Each subcommand lives in its own module. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('chimera')
    .description(
      'Chimera Pool: a multi-coin mining pool built simulation-first.\n' +
        'Run scenarios against the pool and its digital twin, or run the pool itself.',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  program.addCommand(poolCommand(io).exitOverride());
  program.addCommand(switchCommand(io).exitOverride());
  program.addCommand(operatorCommand(io).exitOverride());
  program.addCommand(chainCommand(io).exitOverride());
  program.addCommand(farmCommand(io).exitOverride());
  program.addCommand(validateCommand(io).exitOverride());
  program.addCommand(listCommand(io).exitOverride());
  program.addCommand(runCommand(io).exitOverride());
  program.addCommand(errorsCommand(io).exitOverride());
  return program;
}

/**
 * Runs the command line; returns the exit code: 0 done, 1 failed while running, 2 bad
 * arguments or configuration.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ChimeraError) {
      io.err(`chimera: ${err.message}\n`);
      return err.code.endsWith('_CONFIG') || err.code.endsWith('_INVALID') ? 2 : 1;
    }
    throw err;
  }
}
