import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { WallScheduler, wallClock } from '../../../runtime/index.js';
import type { StratumConfigInput } from '../../../pool/stratum/config.js';
import { createExtranonceAllocator } from '../../../pool/stratum/extranonce-allocator.js';
import { createStratumServer, type StratumServer } from '../../../pool/stratum/server.js';
import {
  FixedJobSource,
  MemorySink,
  poolJob,
  sha256dHasher,
  silentLogger,
  testConfig,
  testLogins,
} from '../../../pool/stratum/stratum.fixtures.js';

/** Our Stratum server on TCP and the wall clock, with fixed jobs and an in-memory sink. */
export interface TcpPool {
  readonly server: StratumServer;
  readonly sink: MemorySink;
  readonly jobs: FixedJobSource;
  readonly scheduler: WallScheduler;
  readonly port: number;
  /** Resolves once `done()` holds, checking every 20 ms; rejects after `timeoutMs`. */
  until(done: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpPool(config: Partial<StratumConfigInput> = {}): Promise<TcpPool> {
  const scheduler = new WallScheduler(wallClock);
  const jobs = new FixedJobSource(poolJob('j1', true));
  const sink = new MemorySink();
  const server = createStratumServer({
    config: testConfig({ shutdownGraceMs: 200, ...config }),
    jobs,
    sink,
    logins: testLogins,
    extranonces: createExtranonceAllocator({ size: 4, start: 0x7c000000 }),
    hasher: sha256dHasher,
    scheduler,
    logger: silentLogger(),
  });
  const { port } = await server.listen('127.0.0.1', 0);
  return {
    server,
    sink,
    jobs,
    scheduler,
    port,
    until(done, timeoutMs = 20_000) {
      const startMs = wallClock.nowMs();
      return new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (done()) resolve();
          else if (wallClock.nowMs() - startMs > timeoutMs) reject(new Error('condition not met'));
          else scheduler.setTimeout(check, 20);
        };
        check();
      });
    },
    async close() {
      await server.close();
      scheduler.clearAll();
    },
  };
}

/** A relay in front of a pool: what a foreign pool's timing and manners look like. */
export interface TcpRelay {
  readonly port: number;
  /** Wall time each mining.submit reached the relay (what the pool received). */
  readonly submitsAtMs: number[];
  close(): Promise<void>;
}

export interface RelayOptions {
  /** Hold the pool's lines this long before passing them on (a slow pool). */
  readonly answerDelayMs?: number;
  /** Reset every connection at the miner's first line (a pool that drops its miners). */
  readonly reset?: boolean;
}

export async function startTcpRelay(poolPort: number, options: RelayOptions): Promise<TcpRelay> {
  const submitsAtMs: number[] = [];
  const sockets = new Set<Socket>();
  const scheduler = new WallScheduler(wallClock);
  const server = createServer((miner) => {
    if (options.reset === true) {
      miner.on('error', () => undefined);
      miner.once('data', () => miner.resetAndDestroy());
      return;
    }
    const pool = connect({ host: '127.0.0.1', port: poolPort });
    for (const s of [miner, pool]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    miner.on('data', (chunk: Buffer) => {
      const submits = chunk.toString('latin1').match(/mining\.submit/g)?.length ?? 0;
      for (let i = 0; i < submits; i++) submitsAtMs.push(wallClock.nowMs());
      pool.write(chunk);
    });
    pool.on('data', (chunk: Buffer) => {
      scheduler.setTimeout(
        () => void (miner.destroyed || miner.write(chunk)),
        options.answerDelayMs ?? 0,
      );
    });
    miner.on('close', () => pool.destroy());
    pool.on('close', () => miner.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    submitsAtMs,
    close: () =>
      new Promise<void>((resolve) => {
        scheduler.clearAll();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
