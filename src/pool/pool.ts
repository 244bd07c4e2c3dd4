import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { ChimeraError } from '../errors.js';
import type { Scheduler } from '../runtime/scheduler.js';
import type { AlgorithmRegistry } from './core/algorithms/registry.js';
import { decodeAddress } from './core/address/decode.js';
import type { CoinParams } from './core/coins/coin-params.js';
import { JobManager } from './jobs/job-manager.js';
import { addressLoginValidator } from './login-validator.js';
import type { ChainNode } from './node/chain-node.js';
import { TemplateWatcher } from './node/template-watcher.js';
import {
  NetworkSwitcher,
  type DaemonCheck,
  type SwitchPolicy,
} from './networks/network-switcher.js';
import { PoolBooks, type PoolBooksDeps } from './pool-books.js';
import { BlockSubmitter, type FoundBlock } from './shares/block-submitter.js';
import { MemoryShareBook } from './shares/memory-share-book.js';
import { stratumConfig, type StratumConfigInput } from './stratum/config.js';
import { createExtranonceAllocator } from './stratum/extranonce-allocator.js';
import type { AcceptedShare, LoginValidator, ShareSink } from './stratum/ports.js';
import { createStratumServer, type StratumServer } from './stratum/server.js';

/** One more network the pool can be switched to (see Pool.switcher). */
export interface NetworkOptions {
  readonly coin: CoinParams;
  readonly node: ChainNode;
  /** Where this network's coinbases pay. */
  readonly payoutAddress: string;
  /** Starting and lowest share difficulty on this network; the primary's when omitted. */
  readonly difficulty?: { readonly start: string | number; readonly min?: string | number };
  /** This network's books settings (the store is the pool's). */
  readonly books?: PoolBooksDeps['settings'];
  /** This network's daemon wallet, for payouts (see PoolBooksDeps.wallet). */
  readonly wallet?: PoolBooksDeps['wallet'];
}

export interface PoolOptions {
  readonly coin: CoinParams;
  readonly node: ChainNode;
  readonly algorithms: AlgorithmRegistry;
  /** Where every coinbase pays (the pool's wallet); PPLNS pays miners from it. */
  readonly payoutAddress: string;
  readonly stratum: Omit<StratumConfigInput, 'network'>;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly tag?: string;
  /** New jobs with fresh time and transactions at least this often (ms). */
  readonly refreshIntervalMs?: number;
  readonly extranonce1Size?: number;
  /** How many accepted shares are kept in memory for PPLNS. */
  readonly maxShares?: number;
  /**
   * The durable books (share ledger, rounds, confirmations, payouts) over an opened store.
   * Without them the pool keeps only its in-memory book: nothing survives the process.
   */
  readonly books?: Pick<
    PoolBooksDeps,
    'store' | 'settings' | 'wallet' | 'daemonUrls' | 'payoutsHeld'
  >;
  /**
   * Further networks the Stratum port can be switched to while miners stay connected; the
   * pool follows their daemons from the start, so a switch finds work ready.
   */
  readonly networks?: readonly NetworkOptions[];
  readonly switchPolicy?: Partial<SwitchPolicy>;
}

/** One network the pool follows: its daemon, jobs and books. */
export interface PoolNetwork {
  readonly id: string;
  readonly coin: CoinParams;
  readonly node: ChainNode;
  readonly jobs: JobManager;
  readonly books: PoolBooks | undefined;
  /** The target a share of difficulty 1 meets on this network's proof of work. */
  readonly diff1Target: bigint;
  /** Whether the daemon can serve now: undefined when it can, else why not. */
  readonly check: DaemonCheck;
}

/** What happens in the pool, for live views (API stream, hashrate windows). */
export type PoolActivity =
  | { readonly kind: 'share'; readonly share: AcceptedShare }
  | { readonly kind: 'block'; readonly block: FoundBlock };

/** One running pool: its networks, their jobs and books, and one Stratum server. */
export interface Pool {
  /** The primary network's coin (the one miners get at start). */
  readonly coin: CoinParams;
  readonly server: StratumServer;
  /** The primary network's jobs. */
  readonly jobs: JobManager;
  readonly book: MemoryShareBook;
  /** The primary network's durable books, when the pool was given a store. */
  readonly books: PoolBooks | undefined;
  readonly networks: ReadonlyMap<string, PoolNetwork>;
  readonly switcher: NetworkSwitcher;
  readonly blocks: readonly FoundBlock[];
  /** Hears every accepted share and every block's outcome; returns an unsubscribe. */
  watch(listener: (activity: PoolActivity) => void): () => void;
  /** Starts following every node; resolves once the primary network has its first job. */
  start(): Promise<void>;
  listen(host: string, port: number): Promise<AddressInfo>;
  close(): Promise<void>;
}

interface Running extends PoolNetwork {
  readonly watcher: TemplateWatcher;
  readonly submitter: BlockSubmitter;
  readonly logins: LoginValidator;
  readonly ready: Promise<void>;
}

/** Wires the pool from its parts. Nothing here reads the environment or the clock itself. */
export function createPool(opts: PoolOptions): Pool {
  const { coin, scheduler, logger } = opts;
  const extranonces = createExtranonceAllocator({ size: opts.extranonce1Size ?? 4 });
  const primaryConfig = stratumConfig({ ...opts.stratum, network: coin.id });
  const book = new MemoryShareBook(opts.maxShares ?? 1_000_000);
  const blocks: FoundBlock[] = [];
  const watchers = new Set<(activity: PoolActivity) => void>();
  const tell = (activity: PoolActivity): void => {
    for (const w of watchers) {
      try {
        w(activity);
      } catch (err) {
        logger.error({ err }, 'pool activity listener failed');
      }
    }
  };
  const extra = opts.networks ?? [];
  const several = extra.length > 0;
  const all: NetworkOptions[] = [
    {
      coin,
      node: opts.node,
      payoutAddress: opts.payoutAddress,
      books: opts.books?.settings,
      wallet: opts.books?.wallet,
    },
    ...extra,
  ];
  const ids = new Set<string>();
  for (const n of all) {
    if (ids.has(n.coin.id)) {
      throw new ChimeraError('POOL_CONFIG', `network ${n.coin.id} is configured twice`);
    }
    ids.add(n.coin.id);
  }

  const networks = new Map<string, Running>();
  all.forEach((n, index) => {
    const payout = decodeAddress(n.payoutAddress, n.coin.address);
    if (!payout.ok) {
      throw new ChimeraError(
        'POOL_CONFIG',
        `payout address is not a ${n.coin.id} address: ${payout.error}`,
      );
    }
    const jobs = new JobManager({
      poolScript: payout.scriptPubKey,
      extranonce1Size: extranonces.size,
      extranonce2Size: primaryConfig.session.extranonce2Size,
      tag: opts.tag ?? '/chimera/',
      maxJobs: 16,
      // Job ids stay unique across networks (and hex, as some miners parse them).
      ...(several ? { idPrefix: index.toString(16) } : {}),
    });
    const watcher = new TemplateWatcher({
      node: n.node,
      scheduler,
      refreshIntervalMs: opts.refreshIntervalMs ?? 30_000,
    });
    const books =
      opts.books === undefined
        ? undefined
        : new PoolBooks({
            store: opts.books.store,
            ...(n.books === undefined ? {} : { settings: n.books }),
            ...(n.wallet === undefined ? {} : { wallet: n.wallet }),
            ...(opts.books.payoutsHeld === undefined
              ? {}
              : { payoutsHeld: opts.books.payoutsHeld }),
            ...(index === 0 && opts.books.daemonUrls !== undefined
              ? { daemonUrls: opts.books.daemonUrls }
              : {}),
            network: n.coin.id,
            coin: n.coin,
            node: n.node,
            scheduler,
            logger,
          });
    const submitter = new BlockSubmitter({
      node: n.node,
      clock: scheduler.clock,
      scheduler,
      logger: logger.child({ component: 'blocks', network: n.coin.id }),
      onResult: (found) => {
        blocks.push(found);
        books?.blockFound(found);
        tell({ kind: 'block', block: found });
        // An accepted block moves the tip: ask for the next template now rather than at the
        // next longpoll answer, so miners stop working on a dead parent as soon as possible.
        if (found.result.kind === 'accepted') watcher.refreshNow();
      },
    });
    const nodeLog = logger.child({ component: 'node', network: n.coin.id });
    let firstJob: (() => void) | undefined;
    const ready = new Promise<void>((resolve) => (firstJob = resolve));
    watcher.subscribe((event) => {
      if (event.kind === 'error') {
        const message = event.error instanceof Error ? event.error.message : String(event.error);
        nodeLog.warn({ retryInMs: event.retryInMs }, `node error: ${message}`);
        return;
      }
      const job = jobs.ingest(event.template, scheduler.clock.nowMs());
      nodeLog.info(
        { height: event.template.height, jobId: job.id, reason: event.reason },
        'new job',
      );
      firstJob?.();
    });
    const check: DaemonCheck = async () => {
      const info = await n.node.getBlockchainInfo();
      if (info.initialBlockDownload) return 'the daemon is in initial block download';
      if (jobs.current() === undefined) return 'no block template received yet';
      return undefined;
    };
    networks.set(n.coin.id, {
      id: n.coin.id,
      coin: n.coin,
      node: n.node,
      jobs,
      books,
      diff1Target: opts.algorithms.require(n.coin.algorithm).diff1Target,
      check,
      watcher,
      submitter,
      logins: addressLoginValidator(n.coin.address),
      ready,
    });
  });
  const primary = networks.get(coin.id)!;

  const sink: ShareSink = {
    record: (share) => {
      book.record(share);
      if (watchers.size > 0) tell({ kind: 'share', share });
      // Durable mode: the miner's `true` waits for the commit (see AckMode).
      return networks.get(share.network)?.books?.record(share);
    },
    submitBlock: async (candidate) => {
      await (networks.get(candidate.network) ?? primary).submitter.submit(candidate);
    },
    rejected: (share) => book.rejected(share),
  };
  // Logins are checked against the coin miners get now (the default network).
  let defaultNetwork = (): string => coin.id;
  const logins: LoginValidator = {
    validateLogin: (address, worker) =>
      (networks.get(defaultNetwork()) ?? primary).logins.validateLogin(address, worker),
  };
  const server = createStratumServer({
    config: primaryConfig,
    jobs: primary.jobs,
    sink,
    logins,
    extranonces,
    hasher: opts.algorithms.require(coin.algorithm),
    scheduler,
    logger: logger.child({ component: 'stratum' }),
  });
  for (const n of extra) {
    const difficulty = n.difficulty ?? opts.stratum.difficulty;
    const config = stratumConfig({
      ...opts.stratum,
      ...(difficulty === undefined ? {} : { difficulty }),
      network: n.coin.id,
    });
    server.addNetwork({
      policy: config.session,
      jobs: networks.get(n.coin.id)!.jobs,
      hasher: opts.algorithms.require(n.coin.algorithm),
    });
  }
  defaultNetwork = () => server.defaultNetwork;
  const switcher = new NetworkSwitcher({
    server,
    checks: new Map([...networks.values()].map((n) => [n.id, n.check])),
    scheduler,
    logger: logger.child({ component: 'switch' }),
    ...(opts.books === undefined ? {} : { history: opts.books.store.switches }),
    ...(opts.switchPolicy === undefined ? {} : { policy: opts.switchPolicy }),
  });

  return {
    coin,
    server,
    jobs: primary.jobs,
    book,
    books: primary.books,
    networks,
    switcher,
    blocks,
    watch(listener) {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    async start() {
      for (const n of networks.values()) await n.books?.start();
      for (const n of networks.values()) n.watcher.start();
      await primary.ready;
    },
    listen: (host, port) => server.listen(host, port),
    async close() {
      // Sessions drain first (their records settle), then the ledgers write their last batch.
      await server.close({ reconnect: true });
      for (const n of networks.values()) n.submitter.close();
      for (const n of networks.values()) await n.watcher.stop();
      for (const n of networks.values()) await n.books?.close();
      for (const n of networks.values()) await n.node.close();
    },
  };
}
