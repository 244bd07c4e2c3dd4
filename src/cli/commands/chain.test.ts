import { stat } from 'node:fs/promises';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import { JsonRpcClient } from '../../pool/node/json-rpc-client.js';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import type { CliIo } from '../io.js';
import { chainCommand } from './chain.js';

/** A CliIo in memory whose "signal" the test sends, and that tells when the banner is out. */
function daemonIo(): CliIo & {
  stdout: string;
  stderr: string;
  started: Promise<void>;
  signal: () => void;
} {
  let signal = (): void => undefined;
  let started = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (signal = resolve));
  const io = {
    stdout: '',
    stderr: '',
    started: new Promise<void>((resolve) => (started = resolve)),
    signal: () => signal(),
    out: (t: string) => {
      io.stdout += t;
      if (io.stdout.includes('  control:')) started();
    },
    err: (t: string) => void (io.stderr += t),
    waitForSignal: () => stopped,
    env: {},
  };
  return io;
}

/** `chimera chain ...` as main runs a subcommand (main maps CLI_USAGE_INVALID to exit 2). */
function run(argv: readonly string[], io: CliIo): Promise<unknown> {
  const program = new Command('chimera')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  program.addCommand(chainCommand(io).exitOverride());
  return program.parseAsync(['chain', ...argv], { from: 'user' });
}

function line(stdout: string, label: string): string {
  const m = new RegExp(`^  ${label}:\\s+(.+)$`, 'm').exec(stdout);
  if (!m?.[1]) throw new Error(`no '${label}' line in: ${stdout}`);
  return m[1];
}

describe('chimera chain', () => {
  it('runs a cookie-authenticated daemon until the signal, then removes its cookie', async () => {
    // Arrange
    const io = daemonIo();
    const wall = new WallScheduler(wallClock);
    // Act
    const running = run(
      ['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--seed', '7', '--block-time', '3600'],
      io,
    );
    await io.started;
    const url = line(io.stdout, 'rpc');
    const cookie = line(io.stdout, 'cookie');
    const client = new JsonRpcClient({ url, cookieFile: cookie, scheduler: wall, retries: 0 });
    const info = (await client.call('getblockchaininfo')) as { chain: string; blocks: number };
    const address = await client.call('getnewaddress');
    const network = (await client.call('getnetworkinfo')) as { subversion: string };
    client.close();
    io.signal();
    await running;
    wall.clearAll();
    // Assert
    expect(io.stdout).toMatch(
      /^chimera chain: bitcoin-regtest \(sha256d\), answering as bitcoind-29$/m,
    );
    expect(line(io.stdout, 'seed')).toBe('7');
    expect(info).toMatchObject({ chain: 'regtest', blocks: 0 });
    expect(address).toBe(line(io.stdout, 'wallet'));
    expect(network.subversion).toMatch(/chimera-sim/);
    expect(line(io.stdout, 'network')).toMatch(
      /H\/s external, bits 207fffff, a block every 3600 s/,
    );
    expect(io.stdout).toMatch(/shutting down\n$/);
    expect(io.stderr).toBe('');
    await expect(stat(cookie)).rejects.toThrow(/ENOENT/);
  });

  it('takes a user and password instead of a cookie, and answers as litecoind for scrypt coins', async () => {
    const io = daemonIo();
    const wall = new WallScheduler(wallClock);
    const running = run(
      ['--coin', 'litecoin-regtest', '--rpc-port', '0', '--rpc-user', 'u', '--rpc-password', 'p w'],
      io,
    );
    await io.started;
    const url = line(io.stdout, 'rpc').replace('://', '://u:p%20w@');
    const client = new JsonRpcClient({ url, scheduler: wall, retries: 0 });
    const template = (await client.call('getblocktemplate', [{ rules: ['mweb', 'segwit'] }])) as {
      height: number;
    };
    client.close();
    io.signal();
    await running;
    wall.clearAll();
    expect(io.stdout).toMatch(/answering as litecoind-0\.21/);
    expect(line(io.stdout, 'auth')).toBe('user u');
    expect(line(io.stdout, 'network')).toMatch(/no external miners/);
    expect(template.height).toBe(1);
  });

  it('lists the coins', async () => {
    const io = daemonIo();
    await run(['--list-coins'], io);
    expect(io.stdout).toMatch(/sim-blake3\s+blake3/);
  });

  it.each([
    [[], /--coin is required/],
    [['--coin', 'dogecoin', '--rpc-port', '0'], /unknown coin 'dogecoin'/],
    [['--coin', 'bitcoin-regtest'], /--rpc-port is required/],
    [['--coin', 'bitcoin-regtest', '--rpc-port', '70000'], /--rpc-port must be 0\.\.65535/],
    [['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--rpc-user', 'u'], /go together/],
    [
      [
        '--coin',
        'bitcoin-regtest',
        '--rpc-port',
        '0',
        '--rpc-user',
        'u',
        '--rpc-password',
        'p',
        '--cookie-dir',
        '/tmp',
      ],
      /--cookie-dir is for cookie auth/,
    ],
    [
      ['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--block-time', '0'],
      /--block-time must be a number > 0/,
    ],
    [
      ['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--tx-rate', '-1'],
      /--tx-rate must be a number >= 0/,
    ],
    [
      ['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--external-hashrate', 'lots'],
      /--external-hashrate must be a number >= 0/,
    ],
    [
      ['--coin', 'bitcoin-regtest', '--rpc-port', '0', '--wallet-address', 'ltc1qnope'],
      /not a bitcoin-regtest address/,
    ],
  ])('refuses %j as a usage error (exit code 2)', async (argv, message) => {
    const io = daemonIo();
    const err: unknown = await run(argv, io).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('CLI_USAGE_INVALID');
    expect((err as ChimeraError).message).toMatch(message);
  });
});
