import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import pino from 'pino';
import { ChimeraError } from '../../errors.js';
import { WallScheduler, wallClock } from '../../runtime/index.js';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { COINS, findCoin } from '../../pool/core/coins/index.js';
import { FailoverChainNode } from '../../pool/node/failover-chain-node.js';
import { JsonRpcClient } from '../../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../../pool/node/rpc-chain-node.js';
import type { ChainNode } from '../../pool/node/chain-node.js';
import { decodeAddress } from '../../pool/core/address/decode.js';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { buildApi } from '../../api/build-api.js';
import { OperatorBooks } from '../../api/reads/operator-books.js';
import { PoolEvents, PoolLiveStats, PoolNetworkControl } from '../../api/pool-adapters.js';
import { createPool, type Pool } from '../../pool/pool.js';
import { MemoryLiveState } from '../../pool/store/live/memory-live-state.js';
import { RedisLiveState } from '../../pool/store/live/redis-live-state.js';
import type { AckMode } from '../../pool/store/ledger/share-ledger.js';
import { openStore, type Store } from '../../pool/store/store.js';
import { listenControl } from '../../pool/networks/control-socket.js';
import { runEvery } from '../../pool/payouts/periodic.js';
import { RpcWalletPayments } from '../../pool/payouts/rpc-wallet-payments.js';
import type { CliIo } from '../io.js';
import { parsePoolConfig, type PlannedNetwork, type PoolPlan } from './pool-config.js';
import { parseHostPort, type HostPort } from '../host-port.js';

interface PoolFlags {
  coin?: string;
  node: string[];
  cookie?: string;
  stratum: HostPort;
  address?: string;
  difficulty?: string;
  minDifficulty?: string;
  listCoins?: boolean;
  dataDir?: string;
  dbSchema?: string;
  ack?: string;
  fee?: string;
  config?: string;
  control?: string;
  api?: HostPort;
}

export function poolCommand(io: CliIo): Command {
  return new Command('pool')
    .description('run the pool against bitcoind-compatible daemons (real or `chimera chain`)')
    .option('--coin <id>', 'coin id (see --list-coins)')
    .option(
      '--node <rpc-url>',
      'daemon JSON-RPC URL, http://user:pass@host:port (repeat for failover)',
      collect,
      [],
    )
    .option('--cookie <file>', 'RPC cookie file instead of a password in the URL')
    .option('--stratum <host:port>', 'where miners connect', parseHostPort, {
      host: '127.0.0.1',
      port: 3333,
    })
    .option('--address <address>', "the pool's payout address: every coinbase pays it")
    .option('--difficulty <n>', 'starting share difficulty (default: 1)')
    .option('--min-difficulty <n>', 'lowest share difficulty vardiff may set (default: 0.001)')
    .option(
      '--config <file>',
      'a YAML file with several networks (the first is served at start; see README) instead of --coin/--node/--address',
    )
    .option(
      '--api <host:port>',
      'serve the HTTP API (stats, operators, /metrics); CHIMERA_JWT_SECRET (hex, 32+ bytes) keeps tokens valid across restarts',
      parseHostPort,
    )
    .option(
      '--control <socket>',
      'a Unix socket for `chimera switch` (network switch, rollback, status); mode 0600',
    )
    .option(
      '--data-dir <dir>',
      'keep the books in embedded PGlite in this directory (when DATABASE_URL is not set)',
    )
    .option('--db-schema <name>', 'PostgreSQL/PGlite schema for the books (one pool per schema)')
    .option(
      '--ack <mode>',
      "'durable' (default): a share is answered after its commit; 'ack-then-write': at once, written next batch",
    )
    .option('--fee <percent>', 'pool fee in percent of each block reward (default: 1)')
    .option('--list-coins', 'list the coins this pool knows and exit')
    .action(async (flags: PoolFlags) => {
      if (flags.listCoins) {
        io.out(formatCoins());
        return;
      }
      await runPool(flags, io);
    });
}

function usage(message: string): ChimeraError {
  return new ChimeraError('CLI_USAGE_INVALID', message);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function formatCoins(): string {
  const rows = COINS.map((c) => [c.id, c.algorithm, c.network, `${c.targetBlockTimeSec}s`, c.name]);
  const header = ['id', 'algorithm', 'network', 'block time', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

async function planFrom(flags: PoolFlags): Promise<PoolPlan> {
  if (flags.config !== undefined) {
    if (flags.coin !== undefined || flags.node.length > 0 || flags.address !== undefined) {
      throw usage('give --config or --coin/--node/--address, not both');
    }
    let text: string;
    try {
      text = await readFile(flags.config, 'utf8');
    } catch (err) {
      throw usage(
        `cannot read ${flags.config}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return parsePoolConfig(text, flags.config);
  }
  if (!flags.coin) throw usage('--coin is required (see --list-coins), or --config <file>');
  const coin = findCoin(flags.coin);
  if (!coin) throw usage(`unknown coin '${flags.coin}' (see --list-coins)`);
  if (flags.node.length === 0) throw usage('--node <rpc-url> is required');
  if (!flags.address) throw usage('--address <payout address> is required');
  const payout = decodeAddress(flags.address, coin.address);
  if (!payout.ok) throw usage(`--address is not a ${coin.id} address: ${payout.error}`);
  return {
    networks: [
      {
        coin,
        nodes: flags.node,
        cookie: flags.cookie,
        address: flags.address,
        difficulty: { start: flags.difficulty ?? 1, min: flags.minDifficulty ?? '0.001' },
      },
    ],
    stratum: flags.stratum,
    switchPolicy: {},
    ack: undefined,
    fee: undefined,
  };
}

async function runPool(flags: PoolFlags, io: CliIo): Promise<void> {
  const plan = await planFrom(flags);
  const [first, ...others] = plan.networks;
  const ackMode = parseAck(flags.ack ?? plan.ack ?? 'durable');
  const feeBps = parseFee(flags.fee ?? plan.fee ?? '1');
  const databaseUrl = io.env['DATABASE_URL'];
  if (databaseUrl !== undefined && flags.dataDir !== undefined) {
    throw usage('give DATABASE_URL or --data-dir, not both');
  }
  const stratumAt = flags.config === undefined ? flags.stratum : plan.stratum;

  const logger = pino({ base: { pool: first.coin.id } }, pino.destination(2));
  const scheduler = new WallScheduler(wallClock);
  const store = await openStore({
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }),
    ...(flags.dbSchema === undefined ? {} : { schema: flags.dbSchema }),
  });
  io.out(`chimera pool: books in ${describeStore(databaseUrl, flags.dataDir)}, ${ackMode}\n`);
  let control: { close(): Promise<void> } | undefined;
  let api: { close(): Promise<void> } | undefined;
  let banSync: { stop(): Promise<void> } | undefined;
  try {
    const settings = { ackMode, feeBps };
    const pool = createPool({
      coin: first.coin,
      node: buildNode(first, scheduler),
      algorithms: await createDefaultRegistry(),
      payoutAddress: first.address,
      stratum: { difficulty: first.difficulty },
      scheduler,
      logger,
      books: {
        store,
        settings,
        daemonUrls: first.nodes.map(withoutPassword),
        // Operators pause a network's payouts through the API (payout_holds).
        payoutsHeld: (network) => new OperatorBooks(store.sql).isHeld(network),
        // Payouts are sent from, and reconciled with, the first daemon's wallet.
        wallet: new RpcWalletPayments({ client: rpcClient(first, first.nodes[0]!, scheduler, 3) }),
      },
      networks: others.map((n) => ({
        coin: n.coin,
        node: buildNode(n, scheduler),
        payoutAddress: n.address,
        difficulty: n.difficulty,
        books: settings,
        wallet: new RpcWalletPayments({ client: rpcClient(n, n.nodes[0]!, scheduler, 3) }),
      })),
      switchPolicy: plan.switchPolicy,
    });
    // Operators ban IPs and payout addresses through the API; the Stratum server obeys
    // the active bans, read again every 10 s.
    const operatorBooks = new OperatorBooks(store.sql);
    const syncBans = async (): Promise<void> => {
      const bans = await operatorBooks.activeBans(scheduler.clock.nowMs());
      const of = (kind: string) => new Set(bans.filter((b) => b.kind === kind).map((b) => b.value));
      pool.server.setOperatorBans({ ips: of('ip'), addresses: of('address') });
    };
    await syncBans();
    banSync = runEvery(scheduler, 10_000, syncBans, logger.child({ component: 'bans' }));
    const bound = await pool.listen(stratumAt.host, stratumAt.port);
    io.out(
      `chimera pool: ${plan.networks.map((n) => n.coin.id).join(', ')}; ` +
        `stratum listening on ${bound.address}:${bound.port}\n`,
    );
    logger.info({ address: bound.address, port: bound.port }, 'stratum listening');
    if (flags.api !== undefined) {
      api = await serveApi(flags.api, pool, store, scheduler, logger, io);
    }
    if (flags.control !== undefined) {
      control = await listenControl(flags.control, {
        switcher: pool.switcher,
        networks: plan.networks.map((n) => n.coin.id),
        sessions: () => pool.server.sessionsByNetwork(),
        logger: logger.child({ component: 'control' }),
      });
      io.out(`chimera pool: control socket ${flags.control}\n`);
    }
    const stopped = io.waitForSignal();
    await Promise.race([pool.start(), stopped]);
    await stopped;
    io.out('chimera pool: shutting down (client.reconnect sent to every miner)\n');
    await control?.close();
    control = undefined;
    await api?.close();
    api = undefined;
    await banSync.stop();
    await pool.close();
  } finally {
    await control?.close();
    await api?.close();
    await banSync?.stop();
    await store.close();
    scheduler.clearAll();
  }
}

async function serveApi(
  at: HostPort,
  pool: Pool,
  store: Store,
  scheduler: WallScheduler,
  logger: Logger,
  io: CliIo,
): Promise<{ close(): Promise<void> }> {
  const secretHex = io.env['CHIMERA_JWT_SECRET'];
  if (secretHex !== undefined && !/^([0-9a-fA-F]{2}){32,}$/.test(secretHex)) {
    throw usage('CHIMERA_JWT_SECRET must be at least 32 bytes of hex');
  }
  if (secretHex === undefined) {
    io.out('chimera pool: no CHIMERA_JWT_SECRET: operator tokens end with this process\n');
  }
  const redisUrl = io.env['REDIS_URL'];
  const buckets = { bucketMs: 60_000, retentionMs: 26 * 3_600_000 };
  const live =
    redisUrl === undefined
      ? new MemoryLiveState(buckets)
      : await RedisLiveState.connect({
          url: redisUrl,
          prefix: `chimera:${pool.coin.id}:`,
          buckets,
          onError: (err) => logger.warn({ err }, 'redis'),
        });
  const events = new PoolEvents(pool);
  const stats = new PoolLiveStats(pool, live, scheduler.clock, logger.child({ component: 'api' }));
  const app = await buildApi({
    store,
    stats,
    control: new PoolNetworkControl(pool, scheduler, (e) => events.publish(e)),
    events,
    live,
    clock: scheduler.clock,
    secrets: { randomBytes },
    logger: logger.child({ component: 'api' }),
    ...(secretHex === undefined ? {} : { config: { jwtSecret: Buffer.from(secretHex, 'hex') } }),
  });
  const address = await app.listen({ host: at.host, port: at.port });
  io.out(`chimera pool: API on ${address} (docs: ${address}/openapi.json)\n`);
  return {
    async close() {
      await app.close();
      stats.close();
      events.close();
      await live.close();
    },
  };
}

function parseAck(value: string): AckMode {
  if (value === 'durable' || value === 'ack-then-write') return value;
  throw usage(`--ack must be 'durable' or 'ack-then-write', got '${value}'`);
}

function parseFee(value: string): number {
  const percent = Number(value);
  if (!/^\d+(\.\d{1,2})?$/.test(value) || percent > 100) {
    throw usage(`--fee must be a percentage from 0 to 100 with at most 2 decimals, got '${value}'`);
  }
  return Math.round(percent * 100);
}

function describeStore(databaseUrl: string | undefined, dataDir: string | undefined): string {
  if (databaseUrl !== undefined) {
    const url = URL.canParse(databaseUrl) ? new URL(databaseUrl) : undefined;
    return `PostgreSQL ${url === undefined ? '(DATABASE_URL)' : `${url.host}${url.pathname}`}`;
  }
  if (dataDir !== undefined) return `embedded PGlite at ${dataDir} (PGlite does not fsync)`;
  return 'embedded PGlite in memory (nothing survives the process; set DATABASE_URL or --data-dir)';
}

/** Daemon URLs as the networks table keeps them: never with the RPC password. */
function withoutPassword(url: string): string {
  if (!URL.canParse(url)) return url;
  const u = new URL(url);
  u.password = '';
  u.username = '';
  return u.toString();
}

function rpcClient(
  network: PlannedNetwork,
  url: string,
  scheduler: WallScheduler,
  retries: number,
): JsonRpcClient {
  return new JsonRpcClient({
    url,
    scheduler,
    ...(network.cookie ? { cookieFile: network.cookie } : {}),
    retries,
  });
}

function buildNode(network: PlannedNetwork, scheduler: WallScheduler): ChainNode {
  const rules = network.coin.templateRules;
  const nodes = network.nodes.map((url, i) => {
    const client = rpcClient(network, url, scheduler, network.nodes.length > 1 ? 0 : 3);
    return { id: `node-${i}`, node: new RpcChainNode({ client, scheduler, rules }) };
  });
  if (nodes.length === 1) return nodes[0]!.node;
  return new FailoverChainNode({ nodes, scheduler });
}
