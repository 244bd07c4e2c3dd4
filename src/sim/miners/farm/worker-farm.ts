import type { Worker } from 'node:worker_threads';
import { ChimeraError } from '../../../errors.js';
import { monotonicMs, wallClock } from '../../../runtime/index.js';
import type { GroundTruth } from '../truth/ground-truth.js';
import type { MetricsSnapshot } from './farm-metrics.js';
import { farmReport, type FarmReport } from './farm-report.js';
import { farmSpec, type FarmSpecInput } from './farm-spec.js';
import { startTsWorker } from './ts-worker.js';
import type { WallFarmOptions } from './wall-farm.js';
import type { FromWorker } from './worker-messages.js';

export interface WorkerFarmOptions extends Omit<WallFarmOptions, 'shard'> {
  /** Worker threads; each runs every `threads`-th miner. */
  readonly threads: number;
}

/**
 * A wire farm spread over worker threads: thousands of miners over TCP on the wall clock,
 * each thread grinding and speaking for its share of them. Figures merge in this thread.
 */
export class WorkerFarm {
  /** Set once every thread has started its miners: figures count from there. */
  #startedAt = monotonicMs();
  #endsAt = Number.POSITIVE_INFINITY;
  readonly #pending = new Map<Worker, ((m: FromWorker) => void)[]>();

  private constructor(
    readonly farmId: string,
    private readonly workers: readonly Worker[],
  ) {
    for (const w of workers) {
      this.#pending.set(w, []);
      w.on('message', (m: FromWorker) => this.#pending.get(w)?.shift()?.(m));
      w.on('error', (error) => this.#fail(w, error.message));
      w.on('exit', () => this.#fail(w, 'worker exited'));
    }
  }

  static async start(input: FarmSpecInput, options: WorkerFarmOptions): Promise<WorkerFarm> {
    const spec = farmSpec(input);
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new ChimeraError('FARM_SPEC_INVALID', `threads must be >= 1, got ${options.threads}`);
    }
    const { threads, ...rest } = options;
    const workers = Array.from({ length: threads }, (_, index) =>
      startTsWorker(new URL('./farm-worker.ts', import.meta.url), {
        spec: input,
        options: { ...rest, shard: { index, of: threads } },
      }),
    );
    const farm = new WorkerFarm(spec.id, workers);
    const started = await Promise.all(workers.map((w) => farm.#next(w)));
    const failed = started.find((m) => m.kind === 'failed');
    if (failed !== undefined) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw new ChimeraError('FARM_WORKER_FAILED', failed.kind === 'failed' ? failed.message : '');
    }
    farm.#startedAt = monotonicMs();
    return farm;
  }

  /** Figures so far, from every thread. */
  async report(): Promise<FarmReport> {
    const snapshots = await Promise.all(
      this.workers.map(async (w) => {
        const answer = this.#next(w);
        w.postMessage({ kind: 'snapshot' });
        return snapshotOf(await answer);
      }),
    );
    return farmReport(this.farmId, 'wire', monotonicMs() - this.#startedAt, snapshots);
  }

  /**
   * No share is sent at or after `atMs` (wall clock). Told to the threads at once, so a thread
   * busy grinding at that moment still stops sending on time.
   */
  cutOff(atMs: number): void {
    this.#endsAt = Math.min(this.#endsAt, monotonicMs() + (atMs - wallClock.nowMs()));
    for (const w of this.workers) w.postMessage({ kind: 'cut-off', atMs });
  }

  /**
   * Stops every miner (no share is sent after the call), waits up to `drainMs` for answers
   * still due, then stops the threads; returns the final figures and ground truth.
   */
  async stop(
    drainMs = 0,
  ): Promise<{ readonly report: FarmReport; readonly truths: GroundTruth[] }> {
    const elapsed = Math.min(monotonicMs(), this.#endsAt) - this.#startedAt;
    const finals = await Promise.all(
      this.workers.map(async (w) => {
        const answer = this.#next(w);
        w.postMessage({ kind: 'stop', drainMs });
        const m = await answer;
        await w.terminate();
        return m;
      }),
    );
    const truths = finals.flatMap((m) => (m.kind === 'stopped' ? [...m.truths] : []));
    const report = farmReport(this.farmId, 'wire', elapsed, finals.map(snapshotOf));
    return { report, truths };
  }

  #next(w: Worker): Promise<FromWorker> {
    return new Promise((resolve) => this.#pending.get(w)?.push(resolve));
  }

  #fail(w: Worker, message: string): void {
    const waiting = this.#pending.get(w) ?? [];
    this.#pending.set(w, []);
    for (const resolve of waiting) resolve({ kind: 'failed', message });
  }
}

function snapshotOf(m: FromWorker): MetricsSnapshot {
  if (m.kind === 'snapshot' || m.kind === 'stopped') return m.snapshot;
  throw new ChimeraError(
    'FARM_WORKER_FAILED',
    m.kind === 'failed' ? m.message : `unexpected ${m.kind}`,
  );
}
