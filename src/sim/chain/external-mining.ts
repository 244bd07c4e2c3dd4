import { bitsToTarget, workOfTarget } from '../../pool/core/difficulty/index.js';
import type { Rng, Scheduler, TimerHandle } from '../../runtime/index.js';
import type { ChainState } from './chain-state.js';
import { chooseExternalParent } from './race.js';
import type { StoredBlock } from './types.js';
import { simError } from './sim-errors.js';

/** One miner of the rest of the network. */
export interface ExternalMinerSpec {
  readonly id: string;
  /** Hashes per second, in the coin's own hash units. */
  readonly hashrate: number;
}

export interface ExternalMiningDeps {
  readonly scheduler: Scheduler;
  /** Draws the waiting times and which miner finds each block. */
  readonly rng: Rng;
  /** Draws propagation for the parent choice (race.ts). */
  readonly raceRng: Rng;
  readonly propagationDelayMs: number;
  readonly state: ChainState;
  /** Builds and stores a block by `minerId` on `parent`. */
  readonly mine: (parent: StoredBlock, minerId: string) => void;
}

/**
 * The rest of the network finding blocks: a Poisson process whose rate is the total external
 * hashrate over the work of the next block on the tip. The process is memoryless, so the
 * waiting time is drawn afresh whenever the tip or the hashrate changes. Which miner finds a
 * block is drawn in proportion to hashrate; where it builds is race.ts's rule.
 */
export class ExternalMining {
  private readonly hashrates = new Map<string, number>();
  private multiplier = 1;
  private timer: TimerHandle | undefined;
  private running = false;
  private finding = false;

  constructor(
    private readonly deps: ExternalMiningDeps,
    miners: readonly ExternalMinerSpec[],
  ) {
    for (const m of miners) this.setHashrate(m.id, m.hashrate);
  }

  get totalHashrate(): number {
    let sum = 0;
    for (const h of this.hashrates.values()) sum += h;
    return sum * this.multiplier;
  }

  start(): void {
    this.running = true;
    this.reschedule();
  }

  stop(): void {
    this.running = false;
    this.deps.scheduler.clear(this.timer);
    this.timer = undefined;
  }

  setHashrate(id: string, hashesPerSec: number): void {
    if (!Number.isFinite(hashesPerSec) || hashesPerSec < 0) {
      throw simError(
        'SIM_BAD_HASHRATE',
        `hashrate of ${id} must be finite and >= 0: ${hashesPerSec}`,
      );
    }
    this.hashrates.set(id, hashesPerSec);
    this.reschedule();
  }

  /** Multiplies every miner's hashrate (a burst, or its end with 1/factor). */
  scale(factor: number): void {
    if (!Number.isFinite(factor) || factor <= 0) {
      throw simError('SIM_BAD_HASHRATE', `hashrate factor must be > 0: ${factor}`);
    }
    this.multiplier *= factor;
    this.reschedule();
  }

  /** Draws the wait for the next block on the current tip. */
  reschedule(): void {
    if (!this.running || this.finding) return;
    this.deps.scheduler.clear(this.timer);
    this.timer = undefined;
    const rate = this.totalHashrate;
    if (rate <= 0) return;
    const { state } = this.deps;
    const work = workOfTarget(bitsToTarget(state.expectedBits(state.tree.tip)));
    const meanMs = (Number(work) * 1000) / rate;
    const delayMs = Math.max(1, Math.round(this.deps.rng.exponential(meanMs)));
    this.timer = this.deps.scheduler.setTimeout(() => this.found(), delayMs);
  }

  private found(): void {
    this.timer = undefined;
    const minerId = this.pickMiner();
    const { state, scheduler, propagationDelayMs, raceRng } = this.deps;
    const parent = chooseExternalParent(
      state.tree.candidates(),
      scheduler.clock.nowMs(),
      propagationDelayMs,
      raceRng,
    );
    this.finding = true;
    try {
      this.deps.mine(parent, minerId);
    } finally {
      this.finding = false;
    }
    this.reschedule();
  }

  private pickMiner(): string {
    const total = this.totalHashrate / this.multiplier;
    let u = this.deps.rng.next() * total;
    let last = '';
    for (const [id, h] of this.hashrates) {
      last = id;
      if (u < h) return id;
      u -= h;
    }
    return last;
  }
}
