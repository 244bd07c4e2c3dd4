import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST_COIN, SIM_SHA256D_COIN } from '../../pool/core/coins/index.js';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { addressOf, startSimRpc, type SimRpc } from '../../sim/chain/rpc/rpc.fixtures.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function memoryIo(signal?: Promise<void>): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    waitForSignal: () => signal ?? Promise.resolve(),
    env: {},
  };
  return io;
}

/**
 * `chimera pool --config <two networks> --control <socket>` running in process against two
 * simulator daemons, driven by `chimera switch` as an operator would.
 */
describe('chimera switch against a running chimera pool', () => {
  const wall = new WallScheduler(wallClock);
  let dir: string;
  let first: SimRpc;
  let second: SimRpc;
  let stop: () => void;
  let running: Promise<number>;
  let poolIo: ReturnType<typeof memoryIo>;
  const socket = () => join(dir, 'control.sock');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chimera-switch-'));
    first = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, scheduler: wall });
    second = await startSimRpc({ coin: SIM_SHA256D_COIN, scheduler: wall });
    const config = [
      'stratum: 127.0.0.1:0',
      "difficulty: { start: '0.0000000001', min: '0.0000000001' }",
      'networks:',
      `  - { coin: bitcoin-regtest, node: ${first.server.urlWithCredentials}, address: ${addressOf(BITCOIN_REGTEST_COIN, 0x11)} }`,
      `  - { coin: sim-sha256d, node: [${second.server.urlWithCredentials}], address: ${addressOf(SIM_SHA256D_COIN, 0x22)} }`,
      'switch: { canaryFraction: 1, canaryMs: 200, checkIntervalMs: 50, graceMs: 1000 }',
    ].join('\n');
    await writeFile(join(dir, 'pool.yaml'), config);
    const signal = new Promise<void>((resolve) => (stop = resolve));
    poolIo = memoryIo(signal);
    running = main(
      ['pool', '--config', join(dir, 'pool.yaml'), '--control', socket(), '--api', '127.0.0.1:0'],
      poolIo,
    );
    for (let i = 0; i < 800 && !poolIo.stdout.includes('control socket'); i++) {
      await new Promise<void>((r) => wall.setTimeout(r, 25));
    }
    if (!poolIo.stdout.includes('control socket')) {
      throw new Error(`the pool did not start: ${poolIo.stdout}${poolIo.stderr}`);
    }
    // Both daemons' first templates: a switch checks that the target has work.
    await new Promise<void>((r) => wall.setTimeout(r, 500));
  }, 30_000);

  afterAll(async () => {
    stop?.();
    await running;
    await first?.close();
    await second?.close();
    wall.clearAll();
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo();
    const code = await main(['switch', '--control', socket(), ...argv], io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('shows status, switches, rolls back, and refuses what it cannot do', async () => {
    const status = await run('--status');
    const to = await run('--to', 'sim-sha256d', '--actor', 'frank', '--reason', 'test');
    const again = await run('--to', 'sim-sha256d', '--actor', 'frank');
    const unknown = await run('--to', 'dogecoin', '--actor', 'frank');
    const back = await run('--rollback', '--actor', 'frank');
    const after = await run('--status');
    const bad = await run('--to', 'x', '--status');
    expect(poolIo.stdout).toMatch(/bitcoin-regtest, sim-sha256d; stratum listening on/);
    expect(status).toMatchObject({ code: 0 });
    expect(status.out).toMatch(
      /^serving bitcoin-regtest\n {2}bitcoin-regtest: 0 miners\n {2}sim-sha256d: 0 miners\n$/,
    );
    expect(to.code).toBe(0);
    expect(to.out).toMatch(/^switched bitcoin-regtest -> sim-sha256d: canary 0 moved/);
    expect(again).toMatchObject({ code: 2 });
    expect(again.err).toMatch(/serves sim-sha256d already/);
    expect(unknown.err).toMatch(/no network dogecoin is configured/);
    expect(back.out).toMatch(/^switched sim-sha256d -> bitcoin-regtest/);
    expect(after.out).toMatch(/^serving bitcoin-regtest\n/);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toMatch(/exactly one of --to <network>, --rollback, --status/);
  });

  it('says when no pool answers on the socket', async () => {
    const io = memoryIo();
    const code = await main(['switch', '--control', join(dir, 'nobody.sock'), '--status'], io);
    expect(code).toBe(1);
    expect(io.stderr).toMatch(/cannot reach the pool's control socket .*nobody\.sock: ENOENT/);
    expect(existsSync(socket())).toBe(true);
  });

  it('serves the API over the running pool: its networks live, operator routes closed', async () => {
    const base = /API on (http:\/\/[\d.]+:\d+)/.exec(poolIo.stdout)?.[1];
    if (base === undefined) throw new Error(`no API address in: ${poolIo.stdout}`);
    const networks = (await (await fetch(`${base}/api/v1/networks`)).json()) as {
      networks: { id: string; height: number | null }[];
    };
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const anonymous = await fetch(`${base}/api/v1/operator/networks/switch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ network: 'sim-sha256d' }),
    });
    expect(networks.networks.map((n) => n.id).sort()).toEqual(['bitcoin-regtest', 'sim-sha256d']);
    expect(networks.networks.every((n) => typeof n.height === 'number')).toBe(true);
    expect(metrics).toMatch(/^# HELP /m);
    expect(anonymous.status).toBe(401);
  });
});
