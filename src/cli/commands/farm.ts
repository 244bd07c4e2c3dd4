import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { ChimeraError } from '../../errors.js';
import { encodeAddress, witnessScript } from '../../pool/core/address/index.js';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { findCoin } from '../../pool/core/coins/index.js';
import { WallScheduler, monotonicMs, wallClock } from '../../runtime/index.js';
import {
  WorkerFarm,
  farmSpec,
  findBehaviour,
  findProfile,
  formatCatalogue,
  formatFarmReport,
  si,
  measureHashRate,
  planCapacity,
  startWallFarm,
  type FarmReport,
  type FarmSpecInput,
} from '../../sim/miners/index.js';
import { parseHostPort, type HostPort } from '../host-port.js';
import type { CliIo } from '../io.js';

interface FarmFlags {
  pool?: string;
  coin?: string;
  profile?: string;
  count?: string;
  behaviour: string;
  duration?: string;
  address?: string;
  difficultyNote?: boolean;
  listProfiles?: boolean;
  threads: string;
  hashrateScale: string;
  seed?: string;
  json?: boolean;
}

/** What the flags ask for, checked. */
interface FarmRun {
  readonly pool: HostPort | undefined;
  readonly spec: FarmSpecInput;
  readonly durationMs: number | undefined;
  readonly threads: number;
  readonly note: boolean;
  readonly json: boolean;
}

/** One process holds at most ~20,000 open files; leave room for the rest of the process. */
const MAX_MINERS_PER_PROCESS = 19_000;
const PROGRESS_EVERY_MS = 10_000;
/** After the cut-off, how long answers to shares already sent are waited for. */
const DRAIN_MS = 5_000;
/** What our vardiff aims at; the difficulty note cuts the farm's work into shares this far apart. */
const SHARE_INTERVAL_SEC = 10;

export function farmCommand(io: CliIo): Command {
  return new Command('farm')
    .description(
      'run virtual miners against any Stratum v1 pool on loopback and print their figures',
    )
    .option('--pool <host:port>', "the pool's Stratum address")
    .option(
      '--coin <id>',
      'coin id: picks the proof-of-work algorithm (see chimera pool --list-coins)',
    )
    .option('--profile <id>', 'hardware profile (see --list-profiles)')
    .option('--count <n>', 'number of miners')
    .option('--behaviour <id>', 'behaviour of every miner (see --list-profiles)', 'honest')
    .option('--duration <s>', 'stop after this many seconds (default: at SIGINT/SIGTERM)')
    .option('--address <addr>', 'payout address in the logins (default: a fixed one of the coin)')
    .option('--threads <n>', 'worker threads carrying the miners', '1')
    .option('--hashrate-scale <x>', 'shrink every unit hashrate by this factor (0 < x <= 1)', '1')
    .option('--seed <seed>', 'seed of every draw (default: the clock, printed)')
    .option('--difficulty-note', 'print what share difficulty and scale this machine can carry')
    .option('--json', 'print the final figures as JSON')
    .option('--list-profiles', 'list hardware profiles and behaviours, then exit')
    .action(async (flags: FarmFlags) => {
      if (flags.listProfiles) {
        io.out(formatCatalogue());
        return;
      }
      await runFarm(parseFlags(flags), io);
    });
}

function usage(message: string): ChimeraError {
  return new ChimeraError('CLI_USAGE_INVALID', message);
}

function positiveInt(text: string | undefined, flag: string, max: number): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < 1 || n > max) {
    throw usage(`${flag} needs a whole number from 1 to ${max}, got '${text ?? ''}'`);
  }
  return n;
}

function parseFlags(flags: FarmFlags): FarmRun {
  if (!flags.coin) throw usage('--coin is required (see chimera pool --list-coins)');
  const coin = findCoin(flags.coin);
  if (coin === undefined) throw usage(`unknown coin '${flags.coin}'`);
  if (!flags.profile) throw usage('--profile is required (see --list-profiles)');
  const profile = findProfile(flags.profile);
  if (profile === undefined)
    throw usage(`unknown profile '${flags.profile}' (see --list-profiles)`);
  if (profile.hashrate[coin.algorithm] === undefined) {
    throw usage(`profile '${profile.id}' does not mine ${coin.algorithm} (${coin.id})`);
  }
  const behaviour = findBehaviour(flags.behaviour);
  if (behaviour === undefined) {
    throw usage(`unknown behaviour '${flags.behaviour}' (see --list-profiles)`);
  }
  let pool: HostPort | undefined;
  if (flags.pool !== undefined) {
    try {
      pool = parseHostPort(flags.pool);
    } catch {
      throw usage(`--pool expects host:port, got '${flags.pool}'`);
    }
  } else if (!flags.difficultyNote) {
    throw usage('--pool <host:port> is required');
  }
  const scale = Number(flags.hashrateScale);
  if (!(scale > 0 && scale <= 1)) {
    throw usage(`--hashrate-scale must be in (0, 1], got '${flags.hashrateScale}'`);
  }
  const duration = flags.duration === undefined ? undefined : Number(flags.duration);
  if (duration !== undefined && !(duration > 0 && Number.isFinite(duration))) {
    throw usage(`--duration must be a number of seconds > 0, got '${flags.duration}'`);
  }
  const address =
    flags.address ?? encodeAddress(witnessScript(0, Buffer.alloc(20, 0x5a)), coin.address);
  return {
    pool,
    spec: {
      id: 'cli',
      seed: flags.seed ?? String(wallClock.nowMs()),
      algorithm: coin.algorithm,
      address,
      groups: [
        {
          profile: profile.id,
          count: positiveInt(flags.count, '--count', MAX_MINERS_PER_PROCESS),
          behaviour: behaviour.id,
        },
      ],
      hashrateScale: scale,
    },
    durationMs: duration === undefined ? undefined : duration * 1000,
    threads: positiveInt(flags.threads, '--threads', Math.max(1, availableParallelism())),
    note: flags.difficultyNote === true,
    json: flags.json === true,
  };
}

async function runFarm(run: FarmRun, io: CliIo): Promise<void> {
  if (run.note) io.out(await difficultyNote(run));
  const pool = run.pool;
  if (pool === undefined) return;
  const group = run.spec.groups[0]!;
  io.out(
    `chimera farm: ${group.count} x ${group.profile} (${group.behaviour}) -> ${pool.host}:${pool.port}, ` +
      `seed ${run.spec.seed}, ${run.threads} thread(s), hashrate scale ${run.spec.hashrateScale}\n`,
  );
  const options = {
    pool,
    rampMs: Math.min(5_000, group.count * 2),
    keepTruth: false,
  };
  const farm = await startFarm(run, options);
  // The cut-off is known now: every thread stops sending on time, even one busy grinding
  // when the timer below fires late.
  if (run.durationMs !== undefined) farm.cutOff(wallClock.nowMs() + run.durationMs);
  const scheduler = new WallScheduler(wallClock);
  scheduler.setInterval(() => {
    void farm.report().then((r) => io.out(`${progressLine(r)}\n`));
  }, PROGRESS_EVERY_MS);
  const stopped = new Promise<void>((resolve) => {
    if (run.durationMs !== undefined) scheduler.setTimeout(resolve, run.durationMs);
    void io.waitForSignal().then(resolve);
  });
  await stopped;
  scheduler.clearAll();
  farm.cutOff(wallClock.nowMs());
  // Taken after the answers to the last shares are in: what the pool received, all counted.
  const final = await farm.stop(DRAIN_MS);
  io.out(run.json ? `${JSON.stringify(final, null, 2)}\n` : `${formatFarmReport(final)}\n`);
}

/** One thread's farm or a worker farm, as the command drives it. */
interface RunningFarm {
  report(): Promise<FarmReport>;
  cutOff(atMs: number): void;
  /** Stops (waiting up to `drainMs` for answers) and returns the final figures. */
  stop(drainMs: number): Promise<FarmReport>;
}

async function startFarm(
  run: FarmRun,
  options: { pool: HostPort; rampMs: number; keepTruth: boolean },
): Promise<RunningFarm> {
  if (run.threads > 1) {
    const farm = await WorkerFarm.start(run.spec, { ...options, threads: run.threads });
    return {
      report: () => farm.report(),
      cutOff: (atMs) => farm.cutOff(atMs),
      stop: async (drainMs) => (await farm.stop(drainMs)).report,
    };
  }
  const wall = await startWallFarm(farmSpec(run.spec), options);
  return {
    report: () => Promise.resolve(wall.farm.report()),
    cutOff: (atMs) => wall.farm.cutOff(atMs),
    stop: async (drainMs) => {
      await wall.stop(drainMs);
      return wall.farm.report();
    },
  };
}

function progressLine(r: FarmReport): string {
  const pct = r.acceptance === undefined ? '-' : `${(r.acceptance * 100).toFixed(1)}%`;
  const failing =
    r.connected < r.miners && r.connections.firstError !== undefined
      ? ` (${r.connections.failedAttempts} failed attempts, first: ${r.connections.firstError})`
      : '';
  return (
    `[${(r.elapsedMs / 1000).toFixed(0)} s] ${r.connected}/${r.miners} connected${failing}, ` +
    `${r.accepted}/${r.submitted} accepted (${pct}), p99 ${r.latency.p99Ms} ms` +
    (r.saturation.saturated ? ', SATURATED' : '')
  );
}

/** Measures this machine's grinding rate for the coin's algorithm and plans the farm on it. */
async function difficultyNote(run: FarmRun): Promise<string> {
  const pow = (await createDefaultRegistry()).require(run.spec.algorithm);
  const perThread = measureHashRate(pow.hashHeader, monotonicMs);
  const group = run.spec.groups[0]!;
  const profile = findProfile(group.profile)!;
  const scale = run.spec.hashrateScale ?? 1;
  const plan = planCapacity({
    diff1Target: pow.diff1Target,
    miners: group.count,
    hashratePerMiner: profile.hashrate[run.spec.algorithm]!.hashesPerSec,
    hashrateScale: scale,
    threads: run.threads,
    hashesPerSecPerThread: perThread,
    shareIntervalSec: SHARE_INTERVAL_SEC,
  });
  return [
    `difficulty note (${run.spec.algorithm}; this machine grinds ${si(perThread)} H/s per thread, ${run.threads} thread(s)):`,
    `  ${group.count} x ${profile.id} at scale ${scale}: ${si(plan.demandHashesPerSec)} H/s of real hashing asked, ${si(plan.capacityHashesPerSec)} H/s available (load ${plan.load.toPrecision(3)})`,
    `  ${plan.saturated ? 'SATURATED: shares would come late or not at all' : 'unsaturated'}; the largest scale this machine carries is ${plan.maxHashrateScale.toPrecision(3)}`,
    `  one share per ${SHARE_INTERVAL_SEC} s per miner needs pool difficulty ${plan.shareDifficulty.toPrecision(3)} (${si(plan.hashesPerShare)} hashes a share)`,
    '',
  ].join('\n');
}
