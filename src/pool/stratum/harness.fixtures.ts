import type { Duplex } from 'node:stream';
import { VirtualTime } from '../../runtime/virtual-time.js';
import type { StratumConfigInput } from './config.js';
import { createExtranonceAllocator } from './extranonce-allocator.js';
import { createDuplexPair } from './memory-duplex.js';
import type { LoginValidator } from './ports.js';
import { createStratumServer, type StratumServer } from './server.js';
import {
  FixedJobSource,
  MemorySink,
  START_MS,
  TestMiner,
  poolJob,
  sha256dHasher,
  silentLogger,
  testConfig,
  testLogins,
} from './stratum.fixtures.js';

/** A server on virtual time with a fixed job source and an in-memory sink. */
export interface Harness {
  readonly vt: VirtualTime;
  readonly jobs: FixedJobSource;
  readonly sink: MemorySink;
  readonly server: StratumServer;
  /** Connects an in-memory miner as `peer`. */
  connect(peer?: string): TestMiner;
  /** Connects and returns the miner's raw end (nothing reads it unless the test does). */
  connectRaw(peer?: string, highWaterMark?: number): Duplex;
  /** Closes the server and every stream the harness made. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly config?: Partial<StratumConfigInput>;
  readonly logins?: LoginValidator;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const vt = new VirtualTime(START_MS);
  const jobs = new FixedJobSource(poolJob('j1', true));
  const sink = new MemorySink();
  const server = createStratumServer({
    config: testConfig(options.config),
    jobs,
    sink,
    logins: options.logins ?? testLogins,
    extranonces: createExtranonceAllocator({ size: 4, start: 0x0a000000 }),
    hasher: sha256dHasher,
    scheduler: vt,
    logger: silentLogger(),
  });
  const streams: Duplex[] = [];
  return {
    vt,
    jobs,
    sink,
    server,
    connect(peer = '10.0.0.1') {
      return new TestMiner(this.connectRaw(peer));
    },
    connectRaw(peer = '10.0.0.1', highWaterMark) {
      const [poolEnd, minerEnd] = createDuplexPair({ highWaterMark });
      streams.push(poolEnd, minerEnd);
      server.attach(poolEnd, { remoteAddress: peer });
      return minerEnd;
    },
    async close() {
      sink.release();
      const closing = server.close();
      await vt.advanceBy(testConfig(options.config).server.shutdownGraceMs);
      await closing;
      for (const s of streams) s.destroy();
    },
  };
}
