import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { ChimeraError } from '../../errors.js';
import { decodeAddress } from '../../pool/core/address/index.js';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { findCoin, type CoinParams } from '../../pool/core/coins/index.js';
import { bitsToTarget, workOfTarget } from '../../pool/core/difficulty/index.js';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { startChainDaemon, type ChainDaemon } from '../../sim/chain/rpc/chain-daemon.js';
import type { RpcServerAuth } from '../../sim/chain/rpc/rpc-server.js';
import type { CliIo } from '../io.js';
import { formatCoins } from './pool.js';

interface ChainFlags {
  coin?: string;
  rpcPort?: string;
  rpcHost: string;
  rpcUser?: string;
  rpcPassword?: string;
  cookieDir?: string;
  seed?: string;
  blockTime?: string;
  externalHashrate?: string;
  txRate?: string;
  walletAddress?: string;
  listCoins?: boolean;
}

/** The flags, checked: everything a daemon start needs but the clock and the hash function. */
interface ChainConfig {
  readonly coin: CoinParams;
  readonly host: string;
  readonly port: number;
  readonly credentials: { readonly user: string; readonly password: string } | undefined;
  readonly cookieDir: string | undefined;
  readonly seed: string;
  readonly blockTimeSec: number | undefined;
  readonly externalHashrate: number | undefined;
  readonly txPerSec: number;
  readonly walletAddress: string | undefined;
}

export function chainCommand(io: CliIo): Command {
  return new Command('chain')
    .description(
      'run the blockchain simulator as a daemon speaking bitcoind JSON-RPC (litecoind 0.21 for ' +
        'scrypt coins, Bitcoin Core 29 otherwise), until SIGINT or SIGTERM',
    )
    .option('--coin <id>', 'coin id (see --list-coins)')
    .option('--rpc-port <port>', 'JSON-RPC port (0: any free port)')
    .option('--rpc-host <host>', 'address to listen on', '127.0.0.1')
    .option('--rpc-user <user>', 'RPC user (with --rpc-password); default: a cookie file')
    .option('--rpc-password <password>', 'RPC password')
    .option('--cookie-dir <dir>', 'where to write .cookie (default: a new temporary directory)')
    .option('--seed <seed>', 'seed of every random draw (default: a random one, printed)')
    .option('--block-time <seconds>', 'mean seconds between blocks of the rest of the network')
    .option('--external-hashrate <H/s>', "hashrate of the rest of the network, in the coin's units")
    .option('--tx-rate <n/s>', 'synthetic transactions per second', '0')
    .option('--wallet-address <address>', "the wallet's address (getnewaddress answers it)")
    .option('--list-coins', 'list the coins and exit')
    .action(async (flags: ChainFlags) => {
      if (flags.listCoins) {
        io.out(formatCoins());
        return;
      }
      await runChain(parseFlags(flags), io);
    });
}

function parseFlags(f: ChainFlags): ChainConfig {
  if (f.coin === undefined) throw usage('--coin is required (see --list-coins)');
  const coin = findCoin(f.coin);
  if (coin === undefined) throw usage(`unknown coin '${f.coin}' (see --list-coins)`);
  if (f.rpcPort === undefined) throw usage('--rpc-port is required (0 for any free port)');
  const port = /^\d{1,5}$/.test(f.rpcPort) ? Number(f.rpcPort) : NaN;
  if (!(port <= 65_535)) throw usage(`--rpc-port must be 0..65535, got '${f.rpcPort}'`);
  if (f.rpcHost.length === 0) throw usage('--rpc-host is empty');
  if ((f.rpcUser === undefined) !== (f.rpcPassword === undefined)) {
    throw usage('--rpc-user and --rpc-password go together');
  }
  if (f.rpcUser !== undefined && f.rpcUser.length === 0) throw usage('--rpc-user is empty');
  if (f.rpcUser !== undefined && f.cookieDir !== undefined) {
    throw usage('--cookie-dir is for cookie auth: leave it out with --rpc-user/--rpc-password');
  }
  if (f.walletAddress !== undefined) {
    const decoded = decodeAddress(f.walletAddress, coin.address);
    if (!decoded.ok) throw usage(`--wallet-address is not a ${coin.id} address: ${decoded.error}`);
  }
  return {
    coin,
    host: f.rpcHost,
    port,
    credentials:
      f.rpcUser === undefined ? undefined : { user: f.rpcUser, password: f.rpcPassword ?? '' },
    cookieDir: f.cookieDir,
    seed: f.seed ?? String(randomInt(1, 2 ** 31)),
    blockTimeSec: decimal('--block-time', f.blockTime, false),
    externalHashrate: decimal('--external-hashrate', f.externalHashrate, true),
    txPerSec: decimal('--tx-rate', f.txRate, true) ?? 0,
    walletAddress: f.walletAddress,
  };
}

async function runChain(config: ChainConfig, io: CliIo): Promise<void> {
  const { coin } = config;
  const scheduler = new WallScheduler(wallClock);
  const tempDir =
    config.credentials === undefined && config.cookieDir === undefined
      ? await mkdtemp(join(tmpdir(), 'chimera-chain-'))
      : undefined;
  const auth: RpcServerAuth =
    config.credentials === undefined
      ? { kind: 'cookie', dir: config.cookieDir ?? tempDir ?? '' }
      : { kind: 'password', ...config.credentials };
  let daemon: ChainDaemon | undefined;
  try {
    const algorithms = await createDefaultRegistry();
    daemon = await startChainDaemon({
      coin,
      scheduler,
      seed: config.seed,
      powHash: algorithms.require(coin.algorithm).hashHeader,
      host: config.host,
      port: config.port,
      auth,
      txPerSec: config.txPerSec,
      ...(config.blockTimeSec === undefined ? {} : { blockTimeSec: config.blockTimeSec }),
      ...(config.externalHashrate === undefined
        ? {}
        : { externalHashrate: config.externalHashrate }),
      ...(config.walletAddress === undefined ? {} : { walletAddress: config.walletAddress }),
      onError: (err) =>
        io.err(`chimera chain: ${err instanceof Error ? err.message : String(err)}\n`),
    });
    io.out(banner(daemon, config));
    await io.waitForSignal();
    io.out('chimera chain: shutting down\n');
  } finally {
    await daemon?.close();
    scheduler.clearAll();
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}

function banner(d: ChainDaemon, config: ChainConfig): string {
  const { server, sim } = d;
  const hashrate = sim.externalHashrate;
  const bits = d.plan.initialBits;
  const meanSec = Number(workOfTarget(bitsToTarget(bits))) / hashrate;
  const network =
    hashrate > 0
      ? `${Number(hashrate.toPrecision(4))} H/s external, bits ${bits.toString(16)}, ` +
        `a block every ${Number(meanSec.toPrecision(4))} s on average at the start`
      : 'no external miners (blocks from submitblock, generatetoaddress, chimera.mine)';
  const lines = [
    `chimera chain: ${sim.coin.id} (${sim.coin.algorithm}), answering as ${server.app.dialect.id}`,
    `  seed:    ${config.seed}`,
    `  rpc:     ${server.url}`,
    server.cookieFile === undefined
      ? `  auth:    user ${config.credentials?.user ?? ''}`
      : `  cookie:  ${server.cookieFile}`,
    `  wallet:  ${d.walletAddress}`,
    `  network: ${network}`,
    `  control: chimera.status, chimera.fault, chimera.heal, chimera.reorg, chimera.mine, ...`,
  ];
  return `${lines.join('\n')}\n`;
}

/** A finite decimal flag: > 0, or >= 0 when zero is allowed. */
function decimal(flag: string, text: string | undefined, zeroOk: boolean): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n) || (zeroOk ? n < 0 : n <= 0)) {
    throw usage(`${flag} must be a number ${zeroOk ? '>= 0' : '> 0'}, got '${text}'`);
  }
  return n;
}

function usage(message: string): ChimeraError {
  return new ChimeraError('CLI_USAGE_INVALID', message);
}
