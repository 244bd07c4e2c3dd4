import { encodeAddress } from '../../../pool/core/address/index.js';
import type { CoinParams } from '../../../pool/core/coins/index.js';
import { createRng, type Scheduler } from '../../../runtime/index.js';
import { minerScript } from '../block-maker.js';
import { ChainSim } from '../chain-sim.js';
import { networkPlan, type NetworkPlan } from './network-plan.js';
import { ChainRpcServer, type RpcServerAuth } from './rpc-server.js';

export interface ChainDaemonOptions {
  readonly coin: CoinParams;
  /** The wall clock for a daemon; any Scheduler works. */
  readonly scheduler: Scheduler;
  readonly seed: string;
  readonly powHash: (header: Uint8Array) => Buffer;
  readonly host?: string;
  readonly port: number;
  readonly auth: RpcServerAuth;
  /** Mean seconds between blocks of the rest of the network at the start (network-plan.ts). */
  readonly blockTimeSec?: number;
  /** H/s of the rest of the network, in the coin's hash units. */
  readonly externalHashrate?: number;
  /** Synthetic transactions per second. Default 0. */
  readonly txPerSec?: number;
  /** The wallet's one address. Default: an address derived from the coin (walletAddressFor). */
  readonly walletAddress?: string;
  readonly onError?: (err: unknown) => void;
}

export interface ChainDaemon {
  readonly sim: ChainSim;
  readonly server: ChainRpcServer;
  readonly walletAddress: string;
  readonly plan: NetworkPlan;
  close(): Promise<void>;
}

/** The wallet address a daemon uses when none is given: the same for every run of a coin. */
export function walletAddressFor(coin: CoinParams): string {
  return encodeAddress(minerScript(coin, 'wallet'), coin.address);
}

/**
 * The simulator as a standalone daemon: a ChainSim with its network, traffic and wallet,
 * started, behind a bitcoind-compatible RPC server. What `chimera chain` runs.
 */
export async function startChainDaemon(opts: ChainDaemonOptions): Promise<ChainDaemon> {
  const { coin, scheduler } = opts;
  const plan = networkPlan(coin, {
    ...(opts.blockTimeSec === undefined ? {} : { blockTimeSec: opts.blockTimeSec }),
    ...(opts.externalHashrate === undefined ? {} : { externalHashrate: opts.externalHashrate }),
  });
  const walletAddress = opts.walletAddress ?? walletAddressFor(coin);
  const sim = new ChainSim({
    coin,
    scheduler,
    rng: createRng(opts.seed),
    powHash: opts.powHash,
    initialBits: plan.initialBits,
    externalMiners: plan.externalMiners,
    mempool: { txPerSec: opts.txPerSec ?? 0 },
    wallet: { address: walletAddress },
  });
  const server = await ChainRpcServer.start({
    sim,
    scheduler,
    auth: opts.auth,
    port: opts.port,
    ...(opts.host === undefined ? {} : { host: opts.host }),
    ...(opts.onError === undefined ? {} : { onError: opts.onError }),
  });
  sim.start();
  return {
    sim,
    server,
    walletAddress,
    plan,
    close: async () => {
      sim.stop();
      await server.close();
    },
  };
}
