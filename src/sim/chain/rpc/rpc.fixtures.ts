import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeAddress, witnessScript } from '../../../pool/core/address/index.js';
import { scryptNodeCrypto } from '../../../pool/core/algorithms/index.js';
import type { CoinParams } from '../../../pool/core/coins/index.js';
import { JsonRpcClient } from '../../../pool/node/json-rpc-client.js';
import { RpcChainNode } from '../../../pool/node/rpc-chain-node.js';
import { createRng, VirtualTime, type Scheduler } from '../../../runtime/index.js';
import { SHA256D_POW, START_MS } from '../chain.fixtures.js';
import { ChainSim, type ChainSimOptions } from '../chain-sim.js';
import { ChainRpcServer, type RpcServerAuth } from './rpc-server.js';

/** Test helpers: the simulator behind its RPC server, and the pool's own client in front. */

export const AUTH = { kind: 'password', user: 'pool', password: 'pw' } as const;

/** An address of the coin's network paying a 20-byte program filled with `fill`. */
export function addressOf(coin: CoinParams, fill: number): string {
  return encodeAddress(witnessScript(0, Buffer.alloc(20, fill)), coin.address);
}

export interface SimRpc {
  readonly sim: ChainSim;
  readonly server: ChainRpcServer;
  readonly scheduler: Scheduler;
  readonly walletAddress: string;
  /** The pool's JSON-RPC client on the server (credentials or cookie as the server uses). */
  client(options?: { readonly retries?: number; readonly timeoutMs?: number }): JsonRpcClient;
  /** The pool's ChainNode on the server. */
  node(client?: JsonRpcClient): RpcChainNode;
  close(): Promise<void>;
}

export interface SimRpcOptions {
  readonly coin: CoinParams;
  /** Default: a VirtualTime at START_MS that the test moves. */
  readonly scheduler?: Scheduler;
  readonly auth?: RpcServerAuth | 'cookie';
  readonly sim?: Partial<ChainSimOptions>;
  /** Blocks generated to the wallet before the server starts (101: a spendable coinbase). */
  readonly premine?: number;
}

export async function startSimRpc(opts: SimRpcOptions): Promise<SimRpc> {
  const { coin } = opts;
  const scheduler = opts.scheduler ?? new VirtualTime(START_MS);
  const walletAddress = addressOf(coin, 0x11);
  const sim = new ChainSim({
    coin,
    scheduler,
    rng: createRng(`rpc-${coin.id}`),
    powHash: coin.algorithm === 'scrypt' ? scryptNodeCrypto.hashHeader : SHA256D_POW,
    wallet: { address: walletAddress },
    ...opts.sim,
  });
  if ((opts.premine ?? 0) > 0) sim.generate(opts.premine ?? 0);
  const cookieDir =
    opts.auth === 'cookie' ? await mkdtemp(join(tmpdir(), 'chimera-rpc-test-')) : undefined;
  const auth: RpcServerAuth =
    cookieDir !== undefined || opts.auth === 'cookie'
      ? { kind: 'cookie', dir: cookieDir ?? '' }
      : (opts.auth ?? AUTH);
  const server = await ChainRpcServer.start({ sim, scheduler, auth });
  const clients: JsonRpcClient[] = [];
  const client = (o: { retries?: number; timeoutMs?: number } = {}): JsonRpcClient => {
    const c = new JsonRpcClient({
      url: server.cookieFile === undefined ? server.urlWithCredentials : server.url,
      ...(server.cookieFile === undefined ? {} : { cookieFile: server.cookieFile }),
      scheduler,
      backoff: { initialMs: 1, maxMs: 5, factor: 2 },
      ...o,
    });
    clients.push(c);
    return c;
  };
  return {
    sim,
    server,
    scheduler,
    walletAddress,
    client,
    node: (c) => new RpcChainNode({ client: c ?? client(), scheduler, rules: coin.templateRules }),
    close: async () => {
      await server.close();
      for (const c of clients) c.close();
      if (cookieDir !== undefined) await rm(cookieDir, { recursive: true, force: true });
    },
  };
}

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** One HTTP request as a bare client sends it, to read statuses and bodies byte for byte. */
export function rawRequest(
  url: string,
  body: string,
  options: {
    readonly method?: string;
    readonly path?: string;
    readonly authorization?: string;
  } = {},
): Promise<RawAnswer> {
  const target = new URL(url);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    connection: 'close',
  };
  if (options.authorization !== undefined) headers['authorization'] = options.authorization;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: options.path ?? '/',
        method: options.method ?? 'POST',
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Lets I/O run (each step settles pending callbacks) until `done` holds; fails after `steps`. */
export async function until(vt: VirtualTime, done: () => boolean, steps = 1_000): Promise<void> {
  for (let i = 0; i < steps; i++) {
    if (done()) return;
    await vt.advanceBy(0);
  }
  throw new Error('condition never held');
}
