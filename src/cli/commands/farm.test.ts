import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import {
  startTcpPool,
  startTcpRelay,
  type TcpPool,
  type TcpRelay,
} from '../../sim/miners/farm/tcp.fixtures.js';
import { BEHAVIOURS, PROFILES, type FarmReport } from '../../sim/miners/index.js';
import type { CliIo } from '../io.js';
import { farmCommand } from './farm.js';

let pool: TcpPool | undefined;
let relay: TcpRelay | undefined;
afterEach(async () => {
  await relay?.close();
  await pool?.close();
  relay = undefined;
  pool = undefined;
});

function memoryIo(): CliIo & { readonly output: () => string } {
  let out = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (out += text),
    // No signal in tests: runs end by --duration.
    waitForSignal: () => new Promise<void>(() => undefined),
    env: {},
    output: () => out,
  };
}

async function farm(args: readonly string[], io = memoryIo()): Promise<string> {
  await farmCommand(io)
    .exitOverride()
    .parseAsync([...args], { from: 'user' });
  return io.output();
}

const CPU = ['--coin', 'bitcoin-regtest', '--profile', 'cpu-generic'];

describe('chimera farm', () => {
  it('--list-profiles lists every hardware profile and every behaviour with its expected response', async () => {
    const out = await farm(['--list-profiles']);
    for (const p of PROFILES) expect(out).toContain(p.id);
    for (const b of BEHAVIOURS) expect(out).toContain(b.id);
    expect(out).toContain('refused with 22');
  });

  it.each([
    [['--coin', 'bitcoin-regtest', '--profile', 'cpu-generic', '--count', '2'], '--pool'],
    [['--pool', '127.0.0.1:1', '--profile', 'cpu-generic', '--count', '2'], '--coin'],
    [
      ['--pool', '127.0.0.1:1', ...CPU.slice(0, 2), '--profile', 'nope', '--count', '1'],
      'unknown profile',
    ],
    [
      [
        '--pool',
        '127.0.0.1:1',
        '--coin',
        'bitcoin-regtest',
        '--profile',
        'antminer-l7',
        '--count',
        '1',
      ],
      'does not mine sha256d',
    ],
    [['--pool', '127.0.0.1:1', ...CPU, '--count', '0'], '--count'],
    [['--pool', '127.0.0.1:1', ...CPU, '--count', '2', '--behaviour', 'rude'], 'unknown behaviour'],
    [
      ['--pool', '127.0.0.1:1', ...CPU, '--count', '2', '--hashrate-scale', '2'],
      '--hashrate-scale',
    ],
    [['--pool', 'localhost', ...CPU, '--count', '2'], '--pool expects host:port'],
    [['--pool', '127.0.0.1:1', ...CPU, '--count', '2', '--duration', '-1'], '--duration'],
  ])('refuses bad flags %j with CLI_USAGE_INVALID', async (args, message) => {
    await expect(farm(args)).rejects.toMatchObject({
      code: 'CLI_USAGE_INVALID',
      message: expect.stringContaining(message) as unknown,
    });
  });

  it('runs a farm against a Stratum pool on loopback and prints its figures', async () => {
    // Arrange
    pool = await startTcpPool();
    // Act
    const out = await farm([
      '--pool',
      `127.0.0.1:${pool.port}`,
      ...CPU,
      '--count',
      '3',
      '--duration',
      '1',
      '--hashrate-scale',
      '1e-5',
      '--address',
      'addr1',
      '--seed',
      '11',
    ]);
    // Assert
    expect(out).toContain('seed 11');
    expect(out).toMatch(/farm cli \(wire, \d+\.\d s\): 3 miners/);
    expect(out).toMatch(/latency ms: p50 [\d.]+/);
    expect(pool.sink.accepted.length).toBeGreaterThan(0);
  });

  it('--json over two worker threads: the merged figures as JSON', async () => {
    // Arrange
    pool = await startTcpPool();
    const p = pool;
    // Act
    const out = await farm([
      '--pool',
      `127.0.0.1:${p.port}`,
      ...CPU,
      '--count',
      '4',
      '--duration',
      '2',
      '--hashrate-scale',
      '1e-5',
      '--address',
      'addr1',
      '--threads',
      '2',
      '--json',
    ]);
    // Assert
    const report = JSON.parse(out.slice(out.indexOf('{'))) as FarmReport;
    expect(report.miners).toBe(4);
    expect(report.accepted).toBeGreaterThan(0);
    expect(report.accepted).toBeLessThanOrEqual(p.sink.accepted.length);
    expect(report.acceptance).toBeGreaterThanOrEqual(0.99);
  });

  it('counts every share the pool received: taken after the answers to the last ones are in', async () => {
    // Arrange: a pool that answers 400 ms late: shares are always in flight at the cut-off
    pool = await startTcpPool();
    relay = await startTcpRelay(pool.port, { answerDelayMs: 400 });
    // Act
    const out = await farm([
      '--pool',
      `127.0.0.1:${relay.port}`,
      ...CPU,
      '--count',
      '4',
      '--duration',
      '1',
      '--hashrate-scale',
      '4e-5',
      '--address',
      'addr1',
      '--json',
    ]);
    const endedAtMs = Date.now();
    // Assert: what was sent is all answered and counted; nothing went out while the farm
    // waited for the last answers (at least the pool's 400 ms)
    const report = JSON.parse(out.slice(out.indexOf('{'))) as FarmReport;
    expect(relay.submitsAtMs.length).toBeGreaterThan(5);
    expect(report.submitted).toBe(relay.submitsAtMs.length);
    expect(report.unanswered).toBe(0);
    expect(report.accepted).toBe(pool.sink.accepted.length);
    expect(Math.max(...relay.submitsAtMs)).toBeLessThan(endedAtMs - 300);
  });

  it('says why it cannot connect: the first connect error', async () => {
    // Arrange: a port nobody listens on
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // Act
    const out = await farm([
      '--pool',
      `127.0.0.1:${port}`,
      ...CPU,
      '--count',
      '2',
      '--duration',
      '1',
    ]);
    // Assert
    expect(out).toContain('2 miners, 0 connected');
    expect(out).toMatch(
      new RegExp(`connect failures: \\d+, first: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}`),
    );
  });

  it('says who closed the connections: a pool that resets them, the farm at its stop', async () => {
    // Arrange
    pool = await startTcpPool();
    relay = await startTcpRelay(pool.port, { reset: true });
    const args = [...CPU, '--count', '2', '--duration', '1', '--hashrate-scale', '1e-5'];
    // Act
    const dropped = await farm(['--pool', `127.0.0.1:${relay.port}`, ...args]);
    const served = await farm(['--pool', `127.0.0.1:${pool.port}`, ...args]);
    // Assert
    expect(dropped).toMatch(/connections closed: by pool \d+ \(\d+ ECONNRESET\); by farm 0/);
    expect(served).toContain('connections closed: by pool 0; by farm 2 (2 stop)');
  });

  it('--difficulty-note alone plans the farm on this machine: 95 TH/s units cannot be carried', async () => {
    const out = await farm([
      '--coin',
      'bitcoin-regtest',
      '--profile',
      'antminer-s19',
      '--count',
      '10',
      '--difficulty-note',
    ]);
    expect(out).toContain('difficulty note (sha256d');
    expect(out).toContain('SATURATED');
    expect(out).toMatch(/largest scale this machine carries is \d/);
  });
});
