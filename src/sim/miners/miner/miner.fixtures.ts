import { createExtranonceAllocator } from '../../../pool/stratum/extranonce-allocator.js';
import { createStratumServer, type StratumServer } from '../../../pool/stratum/server.js';
import {
  FixedJobSource,
  MemorySink,
  START_MS,
  poolJob,
  sha256dHasher,
  silentLogger,
  testConfig,
  testLogins,
} from '../../../pool/stratum/stratum.fixtures.js';
import type { ShareHasher } from '../../../pool/core/shares/validate-share.js';
import type { PoolJob } from '../../../pool/jobs/types.js';
import type { StratumConfigInput } from '../../../pool/stratum/config.js';
import { createRng, VirtualTime } from '../../../runtime/index.js';
import type { Behaviour } from '../behaviours/types.js';
import { honest } from '../behaviours/honest.js';
import { memoryConnector } from '../client/connector.js';
import { CPU_GENERIC } from '../profiles/catalogue.js';
import type { HardwareProfile } from '../profiles/types.js';
import { GrindMeter } from './grind-meter.js';
import { JobBoard } from './job-board.js';
import { DEFAULT_GRIND_LIMITS, type MinerObserver } from './miner-spec.js';
import { VirtualMiner } from './virtual-miner.js';

/** Our Stratum server on virtual time with fixed jobs: what the miner tests mine against. */
export interface PoolBench {
  readonly vt: VirtualTime;
  readonly jobs: FixedJobSource;
  readonly sink: MemorySink;
  readonly server: StratumServer;
  readonly board: JobBoard;
  readonly meter: GrindMeter;
  miner(options?: MinerOptions): VirtualMiner;
  close(): Promise<void>;
}

export interface MinerOptions {
  readonly id?: string;
  readonly behaviour?: Behaviour;
  readonly profile?: HardwareProfile;
  /** H/s; the default finds about one share a second at the start difficulty (1e-8). */
  readonly hashrate?: number;
  readonly username?: string;
  readonly peer?: string;
  readonly seed?: string;
  readonly observer?: MinerObserver;
}

export const NULL_OBSERVER: MinerObserver = {
  share: () => {},
  line: () => {},
  lag: () => {},
  discarded: () => {},
  connectFailed: () => {},
  closed: () => {},
};

export interface PoolBenchOptions {
  readonly config?: Partial<StratumConfigInput>;
  readonly firstJob?: PoolJob;
  /** The pool's proof of work (and the miners'): sha256d unless given. */
  readonly pow?: ShareHasher;
}

export function createPoolBench(options: PoolBenchOptions = {}): PoolBench {
  const config = options.config ?? {};
  const pow = options.pow ?? sha256dHasher;
  const vt = new VirtualTime(START_MS);
  const jobs = new FixedJobSource(options.firstJob ?? poolJob('j1', true));
  const sink = new MemorySink();
  const server = createStratumServer({
    config: testConfig(config),
    jobs,
    sink,
    logins: testLogins,
    extranonces: createExtranonceAllocator({ size: 4, start: 0x0a000000 }),
    hasher: pow,
    scheduler: vt,
    logger: silentLogger(),
  });
  const board = new JobBoard();
  const meter = new GrindMeter(() => 0);
  const miners: VirtualMiner[] = [];
  let n = 0;
  return {
    vt,
    jobs,
    sink,
    server,
    board,
    meter,
    miner(options: MinerOptions = {}) {
      n++;
      const id = options.id ?? `m${n}`;
      const miner = new VirtualMiner(
        {
          id,
          profile: options.profile ?? CPU_GENERIC,
          hashrate: options.hashrate ?? 43,
          difficultyScale: 1e-8,
          username: options.username ?? `addr${n}.rig`,
          password: 'x',
          behaviour: options.behaviour ?? honest,
        },
        {
          connector: memoryConnector(
            (end, peer) => server.attach(end, { remoteAddress: peer }),
            options.peer ?? `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}`,
          ),
          scheduler: vt,
          rng: createRng(options.seed ?? 'miner-tests').fork(id),
          pow,
          latencyClock: () => vt.nowMs(),
          meter,
          limits: DEFAULT_GRIND_LIMITS,
          board,
          observer: options.observer ?? NULL_OBSERVER,
          keepTruth: true,
        },
      );
      miners.push(miner);
      return miner;
    },
    async close() {
      await Promise.all(miners.map((m) => m.stop()));
      sink.release();
      const closing = server.close();
      await vt.advanceBy(testConfig(config).server.shutdownGraceMs);
      await closing;
    },
  };
}
