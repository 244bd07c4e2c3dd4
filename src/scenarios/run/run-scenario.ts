import { pino, type Logger } from 'pino';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { findCoin } from '../../pool/core/coins/index.js';
import { createRng, monotonicMs, VirtualTime, wallClock, type Clock } from '../../runtime/index.js';
import type { RunResult, TimelineEntry } from '../reports/index.js';
import type { Scenario } from '../scenario.js';
import { watchChain } from './chain-watch.js';
import { collectResult } from './collect-result.js';
import { awaitOnClock, driveClock } from './drive-clock.js';
import { FarmSlots } from './farm-slots.js';
import { isoTime } from './iso-time.js';
import { watchPoolSplits } from './pool-splits.js';
import { progressSnapshot, type LiveRun } from './progress-snapshot.js';
import type { RunProgress } from './progress.js';
import { runError } from './run-errors.js';
import { behaviourVerdicts, scaleNotes } from './run-notes.js';
import { planScenarioScale, profileScaleDigits } from './scale-plan.js';
import { assertRunnable } from './support.js';
import { scheduleTimeline } from './timeline.js';
import { buildNetwork, buildPool, type RunNetwork, type WorldParts } from './world.js';

/** Where every protocol run's virtual clock starts (2023-11-14): a fixed epoch, for replay. */
export const RUN_EPOCH_MS = 1_700_000_000_000;
const PROGRESS_EVERY_WALL_MS = 250;
/** The pool must have its first job within this much virtual time. */
const POOL_START_MAX_MS = 60_000;

export interface RunOptions {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** Told a snapshot a few times a second of wall time, and at each phase. */
  readonly onProgress?: (progress: RunProgress) => void;
  /** Default: silent. */
  readonly logger?: Logger;
  /** The real world's clocks, for wall.json and progress pacing only (tests pass fakes). */
  readonly wall?: { readonly clock: Clock; readonly monotonicMs: () => number };
}

/**
 * Runs a scenario at protocol fidelity: the unchanged pool on the in-process chain simulator,
 * virtual miners over in-memory streams, all on one virtual clock. The same scenario and
 * seed give the same result, byte for byte (wall facts apart).
 *
 * Throws RUN_FIDELITY_UNSUPPORTED / RUN_SCENARIO_UNSUPPORTED before anything starts when the
 * scenario needs what the runner cannot do.
 */
export async function runScenario(
  scenario: Scenario,
  options: RunOptions = {},
): Promise<RunResult> {
  assertRunnable(scenario);
  const wall = options.wall ?? { clock: wallClock, monotonicMs };
  const startedAtMs = wall.clock.nowMs();
  const wallStart = wall.monotonicMs();
  const seed = options.seed ?? scenario.seed;
  const logger = options.logger ?? pino({ level: 'silent' });
  const vt = new VirtualTime(RUN_EPOCH_MS);
  const registry = await createDefaultRegistry();
  const activeSpec = scenario.networks.find((n) => n.id === scenario.pool.network);
  const algorithm = findCoin(activeSpec?.chain.coin ?? '')?.algorithm ?? '';
  const plan = planScenarioScale(scenario, algorithm);
  const parts: WorldParts = { scenario, vt, rng: createRng(seed), registry, plan, logger };
  const networks = scenario.networks.map((spec) => buildNetwork(parts, spec, spec === activeSpec));
  const active = networks.find((n) => n.id === scenario.pool.network);
  if (active === undefined) throw new RangeError('the pool network is checked by the loader');
  const { pool } = buildPool(parts, active);
  const splits = watchPoolSplits(pool, scenario.pool.payout);
  for (const n of networks) n.sim.start();
  const started = await awaitOnClock(vt, pool.start(), 100, POOL_START_MAX_MS);
  if (!started.settled) {
    throw runError(
      'RUN_POOL_NOT_STARTED',
      `no job from network ${active.id} within ${POOL_START_MAX_MS} ms`,
    );
  }

  const startMs = vt.nowMs();
  const timeline: TimelineEntry[] = scaleNotes(plan);
  const note = (entry: TimelineEntry): void => void timeline.push(entry);
  const chain = watchChain(active, { nowMs: () => vt.nowMs(), startMs }, note);
  const farms = scenario.farms.map(
    (spec, farmIndex) =>
      new FarmSlots(spec, {
        vt,
        coin: active.coin,
        pow: active.pow,
        shrinkDigits: (profile) => profileScaleDigits(plan, spec.id, profile),
        seed,
        farmIndex,
        attach: (end, remoteAddress) => void pool.server.attach(end, { remoteAddress }),
      }),
  );
  scheduleTimeline({
    scenario,
    vt,
    startMs,
    networks: new Map(networks.map((n) => [n.id, n])),
    farms: new Map(farms.map((f) => [f.spec.id, f])),
    note,
  });

  const live: LiveRun = {
    scenario,
    seed,
    startMs,
    nowMs: () => vt.nowMs(),
    wallElapsedMs: () => wall.monotonicMs() - wallStart,
    scaleDigits: plan.scale.digits,
    networks,
    activeId: active.id,
    pool,
    chain,
    farms,
    timeline,
    blocksPaid: () => splits.size,
  };
  const emit = options.onProgress ?? (() => undefined);
  emit(progressSnapshot(live, 'starting'));
  let lastEmit = wall.monotonicMs();
  await driveClock(vt, startMs + scenario.durationMs, stepFor(scenario.durationMs), () => {
    const now = wall.monotonicMs();
    if (now - lastEmit < PROGRESS_EVERY_WALL_MS) return;
    lastEmit = now;
    emit(progressSnapshot(live, 'running'));
  });
  timeline.push(...behaviourVerdicts(farms, scenario.durationMs));
  emit(progressSnapshot(live, 'finishing'));

  const collected = collectResult({
    scenario,
    seed,
    startMs,
    network: active,
    pool,
    chain,
    poolSplits: splits,
    farms,
    timeline,
  });
  // Taken before the miners are stopped, so the last frame shows them as they ended the run.
  const done = progressSnapshot(live, 'done', {
    gates: collected.gates,
    largestErrorSats: collected.largestErrorSats,
    blocksPaid: collected.result.payouts.blocksPaid,
  });
  await shutDown(vt, farms, networks, pool);
  emit(done);
  const finishedAtMs = wall.clock.nowMs();
  return {
    ...collected.result,
    wall: {
      startedAt: isoTime(startedAtMs),
      finishedAt: isoTime(finishedAtMs),
      elapsedMs: Math.round(wall.monotonicMs() - wallStart),
    },
  };
}

/** Between one virtual second and a minute: a few thousand steps per run. */
function stepFor(durationMs: number): number {
  return Math.min(60_000, Math.max(1_000, Math.ceil(durationMs / 3_600)));
}

/** Miners off, chains stopped, the pool closed; virtual time runs on until all have settled. */
async function shutDown(
  vt: VirtualTime,
  farms: readonly FarmSlots[],
  networks: readonly RunNetwork[],
  pool: { close(): Promise<void> },
): Promise<void> {
  const stopped = Promise.all(farms.map((f) => f.stop()));
  for (const n of networks) n.sim.stop();
  await awaitOnClock(
    vt,
    stopped.then(() => pool.close()),
    1_000,
    60_000,
  );
}
