import { Command } from 'commander';
import { ERROR_CATALOGUE } from '../../error-catalogue.js';
import { ChimeraError } from '../../errors.js';
import type { CliIo } from '../io.js';

/** `chimera errors [code]`: what each stable error code means. */
export function errorsCommand(io: CliIo): Command {
  return new Command('errors')
    .description('explain the error codes Chimera prints (all, or the one given)')
    .argument('[code]', 'one code, e.g. RPC_UNREACHABLE')
    .action((code: string | undefined) => {
      const entries = Object.entries(ERROR_CATALOGUE).filter(
        ([c]) => !code || c === code.toUpperCase(),
      );
      if (entries.length === 0) {
        throw new ChimeraError(
          'CLI_USAGE_INVALID',
          `no error code '${code}' (chimera errors lists them all)`,
        );
      }
      const width = Math.max(...entries.map(([c]) => c.length));
      io.out(entries.map(([c, text]) => `${c.padEnd(width)}  ${text}`).join('\n') + '\n');
    });
}
