import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { decodeAddress, LITECOIN_REGTEST } from '../pool/core/address/index.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { startLitecoinRegtest, type RegtestNode } from './regtest-node.js';

const gate = await serviceGate('litecoind', probeLitecoind);

/** Pids of live processes whose command line mentions `dir` (Linux /proc). */
async function processesUnder(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(join('/proc', entry, 'cmdline'), 'utf8').catch(() => '');
    if (cmdline.includes(dir)) found.push(Number(entry));
  }
  return found;
}

describe.skipIf(gate.skip)('startLitecoinRegtest on real litecoind', () => {
  const wall = new WallScheduler(wallClock);
  let tempDir: string;
  let node: RegtestNode | undefined;
  let binary: string | undefined;

  beforeAll(async () => {
    // A parent of our own, so the test can see that nothing is left in it.
    tempDir = await mkdtemp(join(tmpdir(), 'chimera-regtest-int-'));
    binary = await litecoindBinary();
    node = await startLitecoinRegtest({ scheduler: wall, binary, tempDir });
  });

  afterAll(async () => {
    await node?.close();
    wall.clearAll();
    await rm(tempDir, { recursive: true, force: true });
  });

  function started(): RegtestNode {
    if (node === undefined) throw new Error('the node did not start');
    return node;
  }

  it('serves RPC on loopback with generated credentials, in a temporary datadir', async () => {
    const n = started();
    expect(n.rpcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(n.rpcPassword).toMatch(/^[0-9a-f]{48}$/);
    expect(n.datadir.startsWith(tempDir)).toBe(true);
    const info = (await n.rpc('getblockchaininfo')) as { chain: string };
    expect(info.chain).toBe('regtest');
    // The Debian build writes $HOME/.litecoin; HOME is in the temporary directory too.
    expect(await readdir(tempDir)).toHaveLength(1);
    expect(await n.logTail(200)).toMatch(/UpdateTip: new best=/);
  });

  it('talks only to its peer on loopback, and announces no address of this machine', async () => {
    const n = started();
    const peers = (await n.rpc('getpeerinfo')) as { addr: string; inbound: boolean }[];
    expect(peers.length).toBeGreaterThanOrEqual(1);
    expect(peers.every((p) => p.addr.startsWith('127.0.0.1:'))).toBe(true);
    const network = (await n.rpc('getnetworkinfo')) as { localaddresses: unknown[] };
    expect(network.localaddresses).toEqual([]);
  });

  it('has mature coins at height 101, MWEB pinned off, and serves templates', async () => {
    const n = started();
    expect(n.mweb).toBe(false);
    const best = await n.chainNode.getBestBlock();
    expect(best.height).toBeGreaterThanOrEqual(101);
    expect(await n.chainNode.getBalance()).toBeGreaterThanOrEqual(50n * 100_000_000n);
    const info = (await n.rpc('getblockchaininfo')) as { softforks: Record<string, unknown> };
    expect(info.softforks['mweb']).toBeUndefined();
    const t = await n.chainNode.getBlockTemplate();
    expect(t.rules).not.toContain('mweb');
    expect(t.height).toBe(best.height + 1);
  });

  it('mines to any address and makes addresses of each kind', async () => {
    const n = started();
    const legacy = await n.newAddress('legacy');
    const p2sh = await n.newAddress('p2sh-segwit');
    const bech32 = await n.newAddress('bech32');
    const kinds = [legacy, p2sh, bech32].map((a) => {
      const decoded = decodeAddress(a, LITECOIN_REGTEST);
      return decoded.ok ? decoded.kind : decoded.error;
    });
    expect(kinds).toEqual(['p2pkh', 'p2sh', 'p2wpkh']);
    const before = await n.chainNode.getBestBlock();
    const hashes = await n.mine(2, legacy);
    expect(hashes).toHaveLength(2);
    expect(await n.chainNode.getBestBlock()).toEqual({
      hash: hashes[1],
      height: before.height + 2,
    });
    await expect(n.mine(0)).rejects.toThrow(RangeError);
    await expect(n.pegIn()).rejects.toMatchObject({ code: 'REGTEST_MWEB_STATE' });
  });

  it('stops both daemons, removes every directory, and can be closed again', async () => {
    const n = started();
    expect(await processesUnder(tempDir)).toHaveLength(2);
    const root = (await readdir(tempDir))[0];
    expect(root).toBeDefined();
    const closing = wallClock.nowMs();
    await n.close();
    const closeMs = wallClock.nowMs() - closing;
    await n.close();
    await n[Symbol.asyncDispose]();
    expect(await readdir(tempDir)).toEqual([]);
    expect(await processesUnder(tempDir)).toEqual([]);
    await expect(stat(n.datadir)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(n.rpc('getblockcount')).rejects.toMatchObject({ code: 'REGTEST_CLOSED' });
    expect(closeMs).toBeLessThan(10_000);
  });

  it('gives up on a daemon whose RPC is not ready in time, and leaves nothing behind', async () => {
    const err: unknown = await startLitecoinRegtest({
      scheduler: wall,
      binary,
      tempDir,
      readyTimeoutMs: 1,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('REGTEST_TIMEOUT');
    expect((err as ChimeraError).message).toMatch(
      /RPC of litecoind (node|peer) on 127\.0\.0\.1:\d+/,
    );
    expect(await readdir(tempDir)).toEqual([]);
    expect(await processesUnder(tempDir)).toEqual([]);
  });

  it("fails with the daemon's own words when it refuses to start, and leaves nothing behind", async () => {
    const err: unknown = await startLitecoinRegtest({
      scheduler: wall,
      binary,
      tempDir,
      extraArgs: ['-vbparams=nonsense:1:2'],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChimeraError);
    expect((err as ChimeraError).code).toBe('REGTEST_START_FAILED');
    expect((err as ChimeraError).message).toMatch(/litecoind node exited during start-up/);
    expect((err as ChimeraError).message).toMatch(/nonsense/i);
    expect(await readdir(tempDir)).toEqual([]);
    expect(await processesUnder(tempDir)).toEqual([]);
  });
});
