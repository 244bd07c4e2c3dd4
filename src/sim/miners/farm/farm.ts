import type { Scheduler, TimerHandle } from '../../../runtime/index.js';
import type { Connector } from '../client/connector.js';
import { GrindMeter } from '../miner/grind-meter.js';
import { JobBoard } from '../miner/job-board.js';
import { DEFAULT_GRIND_LIMITS, type GrindLimits, type MinerSpec } from '../miner/miner-spec.js';
import { VirtualMiner } from '../miner/virtual-miner.js';
import type { GroundTruth } from '../truth/ground-truth.js';
import type { HeaderHasher } from '../work/grind.js';
import { createRng } from '../../../runtime/index.js';
import { FarmCounters, type MetricsSnapshot } from './farm-metrics.js';
import { farmReport, type FarmReport, type Fidelity } from './farm-report.js';
import type { FarmSpec } from './farm-spec.js';
import { minerSpecs } from './miner-specs.js';

export interface FarmDeps {
  /** All timers and, through its clock, the scenario's time. */
  readonly scheduler: Scheduler;
  readonly pow: { readonly diff1Target: bigint; readonly hashHeader: HeaderHasher };
  /** How miner number `index` (in the whole farm) reaches the pool. */
  readonly connector: (index: number, miner: MinerSpec) => Connector;
  readonly fidelity: Fidelity;
  /** Latency is measured on it (monotonicMs in wire runs, the virtual clock otherwise). */
  readonly latencyClock: () => number;
  /** Times grinding, to tell saturation (monotonicMs; a fake in tests). */
  readonly cpuClock: () => number;
  readonly limits?: GrindLimits;
  /** Keep every share and line (ground truth). Default true. */
  readonly keepTruth?: boolean;
  /** Run only every `of`-th miner starting at `index` (one thread's part of a farm). */
  readonly shard?: { readonly index: number; readonly of: number };
  /** First connections spread evenly over this long: thousands at once are a storm. */
  readonly rampMs?: number;
}

/** A farm's miners in one thread, on one scheduler, with their counters and ground truth. */
export class Farm {
  readonly miners: readonly VirtualMiner[];
  readonly counters: FarmCounters;
  readonly meter: GrindMeter;
  readonly #timers: TimerHandle[] = [];
  #startedAtMs: number | undefined;
  #endsAtMs = Number.POSITIVE_INFINITY;
  /** Sessions live when stop() began: what the final report says was connected. */
  #connectedAtStop: number | undefined;

  constructor(
    readonly spec: FarmSpec,
    private readonly deps: FarmDeps,
  ) {
    this.counters = new FarmCounters(deps.pow.diff1Target);
    this.meter = new GrindMeter(deps.cpuClock);
    const board = new JobBoard();
    const root = createRng(spec.seed).fork(`farm/${spec.id}/miners`);
    const shard = deps.shard ?? { index: 0, of: 1 };
    this.miners = minerSpecs(spec).flatMap((miner, index) =>
      index % shard.of !== shard.index
        ? []
        : [
            new VirtualMiner(miner, {
              connector: deps.connector(index, miner),
              scheduler: deps.scheduler,
              rng: root.fork(miner.id),
              pow: deps.pow,
              latencyClock: deps.latencyClock,
              meter: this.meter,
              limits: deps.limits ?? DEFAULT_GRIND_LIMITS,
              board,
              observer: this.counters,
              keepTruth: deps.keepTruth ?? true,
            }),
          ],
    );
  }

  start(): void {
    const { scheduler } = this.deps;
    this.#startedAtMs = scheduler.clock.nowMs();
    const rampMs = this.deps.rampMs ?? 0;
    this.miners.forEach((miner, i) => {
      const at = this.miners.length > 1 ? (rampMs * i) / this.miners.length : 0;
      if (at === 0) miner.start();
      else this.#timers.push(scheduler.setTimeout(() => miner.start(), at));
    });
  }

  /**
   * The farm's cut-off (scenario clock): no share is sent at or after it, and figures are
   * taken up to it. An earlier cut-off stands.
   */
  cutOff(atMs: number): void {
    this.#endsAtMs = Math.min(this.#endsAtMs, atMs);
    for (const m of this.miners) m.endSubmitsAt(atMs);
  }

  /**
   * Stops sending shares now (a cut-off, unless one came earlier), waits up to `drainMs` for
   * the answers to shares already sent, then closes every connection. A report taken after
   * it counts every share the pool received, answered or not.
   */
  async stop(drainMs = 0): Promise<void> {
    this.#connectedAtStop ??= this.miners.filter((m) => m.live).length;
    this.cutOff(this.deps.scheduler.clock.nowMs());
    for (const t of this.#timers) this.deps.scheduler.clear(t);
    this.#timers.length = 0;
    await Promise.all(this.miners.map((m) => m.stop(drainMs)));
  }

  snapshot(): MetricsSnapshot {
    const c = this.counters;
    return {
      miners: this.miners.length,
      connected: this.#connectedAtStop ?? this.miners.filter((m) => m.live).length,
      submitted: c.submitted,
      accepted: c.accepted,
      rejected: Object.fromEntries(c.rejected),
      unanswered: c.unanswered,
      discarded: c.discardedShares,
      connectFailures: c.connectFailures,
      firstConnectError:
        c.firstConnectError === undefined
          ? undefined
          : { atMs: c.firstConnectError.atMs, message: c.firstConnectError.message },
      closed: Object.fromEntries(c.closes),
      withheld: c.withheld,
      blockSolutions: c.blockSolutions,
      lines: c.lines,
      acceptedWork: c.acceptedWork,
      nominalHashesPerSec: this.miners.reduce((n, m) => n + m.spec.hashrate, 0),
      realHashes: this.meter.hashes,
      grindMs: this.meter.grindMs,
      abandoned: this.meter.abandoned,
      lateShares: c.lateShares,
      maxLagMs: c.maxLagMs,
      latency: c.latency.encode(),
    };
  }

  /** Figures since start() (up to the cut-off, once there is one), on the scenario clock. */
  report(): FarmReport {
    const endMs = Math.min(this.deps.scheduler.clock.nowMs(), this.#endsAtMs);
    const elapsed = endMs - (this.#startedAtMs ?? 0);
    return farmReport(this.spec.id, this.deps.fidelity, elapsed, [this.snapshot()]);
  }

  truths(): GroundTruth[] {
    return this.miners.map((m) => m.snapshot());
  }
}
