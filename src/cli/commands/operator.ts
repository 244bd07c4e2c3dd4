import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { apiError } from '../../api/api-errors.js';
import { createOperator } from '../../api/auth/create-operator.js';
import { OperatorAccounts } from '../../api/auth/operator-accounts.js';
import { ARGON2_DEFAULT, argon2Hasher } from '../../api/auth/password.js';
import { ChimeraError } from '../../errors.js';
import { openStore } from '../../pool/store/store.js';
import { wallClock } from '../../runtime/index.js';
import type { CliIo } from '../io.js';

interface CreateAdminFlags {
  username: string;
  passwordFile?: string;
  dataDir?: string;
  dbSchema?: string;
}

/** Reads all of stdin (the password, piped or typed then Ctrl-D). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** `chimera operator create-admin`: the first admin of the API, from the command line. */
export function operatorCommand(io: CliIo, stdin: () => Promise<string> = readStdin): Command {
  const operator = new Command('operator').description("manage the API's operator accounts");
  operator
    .command('create-admin')
    .description(
      'create an admin account (password from --password-file, else stdin); books from DATABASE_URL or --data-dir',
    )
    .requiredOption('--username <name>', '2-64 characters: a-z 0-9 . _ -')
    .option('--password-file <file>', 'read the password from this file (first line)')
    .option(
      '--data-dir <dir>',
      'the PGlite data directory of the pool (when DATABASE_URL is not set)',
    )
    .option('--db-schema <name>', 'PostgreSQL/PGlite schema of the books')
    .action(async (flags: CreateAdminFlags) => {
      const password = firstLine(
        flags.passwordFile === undefined
          ? await stdin()
          : await readFile(flags.passwordFile, 'utf8'),
      );
      await createAdmin(flags, password, io);
    });
  return operator;
}

async function createAdmin(flags: CreateAdminFlags, password: string, io: CliIo): Promise<void> {
  const databaseUrl = io.env['DATABASE_URL'];
  if (databaseUrl !== undefined && flags.dataDir !== undefined) {
    throw new ChimeraError('CLI_USAGE_INVALID', 'give DATABASE_URL or --data-dir, not both');
  }
  if (databaseUrl === undefined && flags.dataDir === undefined) {
    throw new ChimeraError(
      'CLI_USAGE_INVALID',
      'set DATABASE_URL or --data-dir: an account in an in-memory store would vanish at once',
    );
  }
  const store = await openStore({
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ...(flags.dbSchema === undefined ? {} : { schema: flags.dbSchema }),
  });
  try {
    const secrets = { randomBytes: (n: number) => randomBytes(n) };
    const created = await createOperator(
      {
        accounts: new OperatorAccounts(store.sql),
        hasher: argon2Hasher(secrets, ARGON2_DEFAULT),
        clock: wallClock,
      },
      { username: flags.username, password, role: 'admin' },
    );
    if (created === 'exists') {
      throw apiError('OPERATOR_EXISTS', `an operator named '${flags.username}' exists already`);
    }
    await store.audit.record(
      {
        actor: 'cli',
        action: 'operator.create',
        target: created.username,
        details: { role: 'admin' },
      },
      wallClock.nowMs(),
    );
    io.out(
      `chimera operator: admin '${created.username}' created; log in at POST /api/v1/auth/login\n`,
    );
  } finally {
    await store.close();
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}
