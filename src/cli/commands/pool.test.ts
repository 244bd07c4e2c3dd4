import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import type { CliIo } from '../io.js';
import { parseHostPort } from '../host-port.js';

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    waitForSignal: () => Promise.resolve(),
    env: {},
  };
  return io;
}

const BCRT = 'bcrt1q4ztzjx7d4qfl8td2n3euchy8qn5c2wnlwgle5j';

describe('chimera pool', () => {
  it('lists every coin with its algorithm', async () => {
    const io = memoryIo();
    expect(await main(['pool', '--list-coins'], io)).toBe(0);
    expect(io.stdout).toMatch(/litecoin-regtest\s+scrypt/);
    expect(io.stdout).toMatch(/bitcoin-regtest\s+sha256d/);
  });

  it.each([
    [['pool'], /--coin is required/],
    [['pool', '--coin', 'dogecoin'], /unknown coin 'dogecoin'/],
    [['pool', '--coin', 'litecoin-regtest'], /--node <rpc-url> is required/],
    [['pool', '--coin', 'litecoin-regtest', '--node', 'http://127.0.0.1:1'], /--address/],
    [
      ['pool', '--coin', 'litecoin-regtest', '--node', 'http://127.0.0.1:1', '--address', 'nope'],
      /not a litecoin-regtest address/,
    ],
    [
      [
        'pool',
        '--coin',
        'bitcoin-regtest',
        '--node',
        'http://127.0.0.1:1',
        '--address',
        BCRT,
        '--ack',
        'later',
      ],
      /--ack must be 'durable' or 'ack-then-write', got 'later'/,
    ],
    [
      [
        'pool',
        '--coin',
        'bitcoin-regtest',
        '--node',
        'http://127.0.0.1:1',
        '--address',
        BCRT,
        '--fee',
        '150',
      ],
      /--fee must be a percentage from 0 to 100/,
    ],
    [
      [
        'pool',
        '--coin',
        'bitcoin-regtest',
        '--node',
        'http://127.0.0.1:1',
        '--address',
        BCRT,
        '--fee',
        '1.234',
      ],
      /at most 2 decimals/,
    ],
  ])('refuses %j with exit code 2 and a clear message', async (argv, message) => {
    const io = memoryIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toMatch(message);
  });
});

describe('parseHostPort', () => {
  it('reads host:port, [v6]:port and :port', () => {
    expect(parseHostPort('0.0.0.0:3333')).toEqual({ host: '0.0.0.0', port: 3333 });
    expect(parseHostPort('[::1]:1')).toEqual({ host: '::1', port: 1 });
    expect(parseHostPort(':4444')).toEqual({ host: '127.0.0.1', port: 4444 });
    expect(() => parseHostPort('3333')).toThrow(/host:port/);
    expect(() => parseHostPort('a:70000')).toThrow(/host:port/);
  });
});

describe('chimera errors', () => {
  it('explains one code, or refuses an unknown one with exit code 2', async () => {
    const io = memoryIo();
    expect(await main(['errors', 'rpc_unreachable'], io)).toBe(0);
    expect(io.stdout).toMatch(/^RPC_UNREACHABLE\s+No HTTP answer/);
    const bad = memoryIo();
    expect(await main(['errors', 'NOPE'], bad)).toBe(2);
    expect(bad.stderr).toMatch(/no error code 'NOPE'/);
  });
});
