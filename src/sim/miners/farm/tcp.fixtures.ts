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
