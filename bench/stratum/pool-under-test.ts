import { pino, type Logger } from 'pino';
import { createDefaultRegistry } from '../../src/pool/core/algorithms/index.js';
import { WallScheduler, wallClock } from '../../src/runtime/index.js';
import {
  createExtranonceAllocator,
  createStratumServer,
  stratumConfig,
  type StratumConfig,
  type StratumServer,
} from '../../src/pool/stratum/index.js';
import { FixedJobSource, poolJob, syncLogins } from '../../src/pool/stratum/stratum.fixtures.js';
import { CountingSink } from './counting-sink.js';
import type { PoolStalls } from './pool-stalls.js';

/**
 * So low that the share target is clamped to 2^256 - 1: every nonce is a solution, so the
 * generator spends nothing on grinding, while the pool still hashes and checks every share.
 */
export const SHARE_DIFFICULTY = '1e-30';

/** Far above anything the run reaches, so neither limits nor bans shape the figures. */
const UNLIMITED = 1_000_000_000;

/**
 * The production defaults, except what would throttle a load test: the submit rate limit
 * and bans are lifted, vardiff is pinned (min = max), and room is made for 19,000+ miners.
 */
export function benchConfig(maxConnections: number): StratumConfig {
  return stratumConfig({
    network: 'bench-sha256d',
    difficulty: { start: SHARE_DIFFICULTY, min: SHARE_DIFFICULTY, max: SHARE_DIFFICULTY },
    submitRate: { perSecond: UNLIMITED, burst: UNLIMITED },
    ban: {
      minShares: UNLIMITED,
      maxProtocolErrors: UNLIMITED,
      maxFailedLogins: UNLIMITED,
    },
    handshakeTimeoutMs: 60_000,
    maxConnections,
    shutdownGraceMs: 2_000,
  });
}

export interface PoolUnderTest {
  readonly server: StratumServer;
  readonly sink: CountingSink;
  readonly scheduler: WallScheduler;
}

/**
 * The pool's real Stratum server on the wall clock: a real job from a litecoind template
 * (network target 1, so no share is a block), the registry's sha256d, synchronous logins and
 * books that answer at once.
 */
export async function buildPoolUnderTest(
  maxConnections: number,
  stalls?: PoolStalls,
  logger: Logger = pino({ level: 'warn' }, pino.destination(2)),
): Promise<PoolUnderTest> {
  const hasher = (await createDefaultRegistry()).get('sha256d');
  if (hasher === undefined) throw new Error('the default registry has no sha256d');
  const scheduler = new WallScheduler(wallClock);
  const sink = new CountingSink();
  const server = createStratumServer({
    config: benchConfig(maxConnections),
    jobs: new FixedJobSource(poolJob('b1', true)),
    sink,
    logins: syncLogins,
    extranonces: createExtranonceAllocator({ size: 4, start: 0x01000000 }),
    hasher,
    scheduler: stalls === undefined ? scheduler : stalls.timed(scheduler),
    logger,
  });
  return { server, sink, scheduler };
}
