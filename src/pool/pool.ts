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
import { PoolBooks, type PoolBooksDeps } from './pool-books.js';
import { BlockSubmitter, type FoundBlock } from './shares/block-submitter.js';
import { MemoryShareBook } from './shares/memory-share-book.js';
import { stratumConfig, type StratumConfigInput } from './stratum/config.js';
import { createExtranonceAllocator } from './stratum/extranonce-allocator.js';
import type { ShareSink } from './stratum/ports.js';
import { createStratumServer, type StratumServer } from './stratum/server.js';

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
  readonly books?: Pick<PoolBooksDeps, 'store' | 'settings' | 'wallet' | 'daemonUrls'>;
}

/** One running pool: a coin's node, its jobs, its Stratum server and its books. */
export interface Pool {
  readonly coin: CoinParams;
  readonly server: StratumServer;
  readonly jobs: JobManager;
  readonly book: MemoryShareBook;
  /** The durable books, when the pool was given a store. */
  readonly books: PoolBooks | undefined;
  readonly blocks: readonly FoundBlock[];
  /** Starts following the node; resolves once the first job exists. */
  start(): Promise<void>;
  listen(host: string, port: number): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** Wires the pool from its parts. Nothing here reads the environment or the clock itself. */
export function createPool(opts: PoolOptions): Pool {
  const { coin, node, scheduler, logger } = opts;
  const payout = decodeAddress(opts.payoutAddress, coin.address);
  if (!payout.ok) {
    throw new ChimeraError(
      'POOL_CONFIG',
      `payout address is not a ${coin.id} address: ${payout.error}`,
    );
  }
  const hasher = opts.algorithms.require(coin.algorithm);
  const config = stratumConfig({ ...opts.stratum, network: coin.id });
  const extranonces = createExtranonceAllocator({ size: opts.extranonce1Size ?? 4 });
  const jobs = new JobManager({
    poolScript: payout.scriptPubKey,
    extranonce1Size: extranonces.size,
    extranonce2Size: config.session.extranonce2Size,
    tag: opts.tag ?? '/chimera/',
    maxJobs: 16,
  });
  const book = new MemoryShareBook(opts.maxShares ?? 1_000_000);
  const books =
    opts.books === undefined
      ? undefined
      : new PoolBooks({ ...opts.books, network: coin.id, coin, node, scheduler, logger });
  const blocks: FoundBlock[] = [];
  const watcher = new TemplateWatcher({
    node,
    scheduler,
    refreshIntervalMs: opts.refreshIntervalMs ?? 30_000,
  });
  const submitter = new BlockSubmitter({
    node,
    clock: scheduler.clock,
    logger: logger.child({ component: 'blocks' }),
    onResult: (found) => {
      blocks.push(found);
      books?.blockFound(found);
      // An accepted block moves the tip: ask for the next template now rather than at the
      // next longpoll answer, so miners stop working on a dead parent as soon as possible.
      if (found.result.kind === 'accepted') watcher.refreshNow();
    },
  });
  const sink: ShareSink = {
    record: (share) => {
      book.record(share);
      // Durable mode: the miner's `true` waits for the commit (see AckMode).
      return books?.record(share);
    },
    submitBlock: async (candidate) => {
      await submitter.submit(candidate);
    },
    rejected: (share) => book.rejected(share),
  };
  const server = createStratumServer({
    config,
    jobs,
    sink,
    logins: addressLoginValidator(coin.address),
    extranonces,
    hasher,
    scheduler,
    logger: logger.child({ component: 'stratum' }),
  });
  const nodeLog = logger.child({ component: 'node' });
  let firstJob: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (firstJob = resolve));
  watcher.subscribe((event) => {
    if (event.kind === 'error') {
      const message = event.error instanceof Error ? event.error.message : String(event.error);
      nodeLog.warn({ retryInMs: event.retryInMs }, `node error: ${message}`);
      return;
    }
    const job = jobs.ingest(event.template, scheduler.clock.nowMs());
    nodeLog.info({ height: event.template.height, jobId: job.id, reason: event.reason }, 'new job');
    firstJob?.();
  });

  return {
    coin,
    server,
    jobs,
    book,
    books,
    blocks,
    async start() {
      await books?.start();
      watcher.start();
      await ready;
    },
    listen: (host, port) => server.listen(host, port),
    async close() {
      // Sessions drain first (their records settle), then the ledger writes its last batch.
      await server.close({ reconnect: true });
      await watcher.stop();
      await books?.close();
      await node.close();
    },
  };
}
