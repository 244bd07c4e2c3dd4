import { Command, CommanderError } from 'commander';

/** Builds the `chimera` command line. Each subcommand lives in its own module. */
export function buildProgram(): Command {
  const program = new Command('chimera')
    .description(
      'Chimera Pool: a multi-coin mining pool built simulation-first.\n' +
        'Run scenarios against the pool and its digital twin, or run the pool itself.',
    )
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  return program;
}

/** Runs the command line; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
}
