import type { Rng, Scheduler, TimerHandle } from '../../../runtime/index.js';
import type { FoundShare, SolveRequest } from '../behaviours/types.js';
import type { WorkState } from '../client/work-state.js';
import type { HeaderHasher } from '../work/grind.js';
import { SearchSpace, type Solution } from '../work/search-space.js';
import { hashesPerShare } from '../work/targets.js';
import type { GrindMeter } from './grind-meter.js';
import type { GrindLimits } from './miner-spec.js';
import { ShareClock } from './share-clock.js';
import { TargetCache } from './target-cache.js';

/** What the producer reads of its miner, and tells it. */
export interface ProducerHost {
  readonly scheduler: Scheduler;
  readonly meter: GrindMeter;
  readonly limits: GrindLimits;
  /** The live session's work, or undefined while the miner has no live session. */
  work(): WorkState | undefined;
  /** The difficulty the unit grinds at (the pool's, raised to the hardware's minimum). */
  grindDifficulty(): number;
  roundAgeMs(): number | undefined;
  /** Asked once per due share: mine it at all? */
  shareDue(dueAtMs: number): boolean;
  found(share: FoundShare): void;
}

/**
 * Turns a miner's nominal hashrate into real shares: the share clock says when the next
 * one is found, then the search grinds it for real, in slices so a wall-clock thread keeps
 * serving its sockets. Shares that would cost more than the per-share budget are given up
 * and counted: a farm that cannot afford its work says so instead of sending less.
 */
export class ShareProducer {
  readonly #search: SearchSpace;
  readonly #clock: ShareClock;
  readonly #targets: TargetCache;
  readonly #backlog: number[] = [];
  #grinding = false;
  #spentOnShare = 0;
  #sliceTimer: TimerHandle | undefined;

  constructor(
    private readonly host: ProducerHost,
    rng: Rng,
    hash: HeaderHasher,
    private readonly diff1Target: bigint,
    private readonly hashrate: number,
  ) {
    this.#search = new SearchSpace(hash);
    this.#clock = new ShareClock(host.scheduler, rng, (due) => this.#onDue(due));
    this.#targets = new TargetCache(diff1Target);
  }

  set rollingMask(mask: number) {
    this.#search.rollingMask = mask;
  }

  /** Runs the share clock at the mean the hashrate and difficulty give, while there is work. */
  run(): void {
    if (this.host.work()?.current === undefined) {
      this.stop();
      return;
    }
    const hashes = hashesPerShare(this.diff1Target, this.host.grindDifficulty());
    this.#clock.run((hashes / this.hashrate) * 1000);
  }

  /** Stops the clock and drops the shares still due (the session is gone). */
  stop(): void {
    this.#clock.stop();
    this.host.scheduler.clear(this.#sliceTimer);
    this.#sliceTimer = undefined;
    this.#backlog.length = 0;
    this.#spentOnShare = 0;
    this.#grinding = false;
  }

  /** Grinds at once (bounded by the per-share budget), as a behaviour asks. */
  solve(request: SolveRequest = {}): FoundShare | undefined {
    const state = this.host.work();
    const job = request.job ?? state?.current;
    if (state?.extranonce1 === undefined || job === undefined) return undefined;
    const target = this.#targets.get(request.difficulty ?? this.host.grindDifficulty());
    const meet = request.want !== 'miss';
    const { meter, limits } = this.host;
    const r = meter.measure(() =>
      this.#search.grind(
        job,
        state.extranonce1!,
        state.extranonce2Size,
        (h) => target.meets(h) === meet,
        limits.maxHashesPerShare,
        { ntime: request.ntime, versionBits: request.versionBits },
      ),
    );
    if (r.kind === 'budget') {
      meter.abandoned++;
      return undefined;
    }
    return this.#found(r.solution, this.host.scheduler.clock.nowMs());
  }

  #onDue(dueAtMs: number): void {
    this.#backlog.push(dueAtMs);
    if (!this.#grinding) this.#drain();
  }

  /** Grinds the due shares in order, one slice at a time. */
  #drain(): void {
    this.#sliceTimer = undefined;
    this.#grinding = true;
    const { meter, limits, scheduler } = this.host;
    for (;;) {
      const dueAtMs = this.#backlog[0];
      const state = this.host.work();
      const job = state?.current;
      if (dueAtMs === undefined || state?.extranonce1 === undefined || job === undefined) break;
      if (this.#spentOnShare === 0 && !this.host.shareDue(dueAtMs)) {
        this.#backlog.shift();
        continue;
      }
      const target = this.#targets.get(this.host.grindDifficulty());
      const r = meter.measure(() =>
        this.#search.grind(
          job,
          state.extranonce1!,
          state.extranonce2Size,
          (h) => target.meets(h),
          limits.hashesPerSlice,
        ),
      );
      this.#spentOnShare += r.hashes;
      if (r.kind === 'budget' && this.#spentOnShare < limits.maxHashesPerShare) {
        this.#sliceTimer = scheduler.setTimeout(() => this.#drain(), 0);
        return;
      }
      this.#backlog.shift();
      this.#spentOnShare = 0;
      if (r.kind === 'budget') meter.abandoned++;
      else this.host.found(this.#found(r.solution, dueAtMs));
    }
    this.#grinding = false;
  }

  #found(solution: Solution, dueAtMs: number): FoundShare {
    const believed = this.host.work()?.difficulty ?? 1;
    return {
      solution,
      dueAtMs,
      difficulty: believed,
      meetsShareTarget: this.#targets.get(believed).meets(solution.hash),
      meetsNetworkTarget: this.#targets.meetsNetwork(solution.hash, solution.job.networkTarget),
      roundAgeMs: this.host.roundAgeMs(),
    };
  }
}
