import { pino, type Logger } from 'pino';
import type { BlockTemplate } from '../core/block/template.js';
import { jobFrom, sha256dHasher, vectorTemplate } from '../core/shares/share.fixtures.js';
import type { JobLookup } from '../core/shares/validate-share.js';
import type { JobSource, PoolJob } from '../jobs/types.js';
import { stratumConfig, type StratumConfig, type StratumConfigInput } from './config.js';
import type {
  AcceptedShare,
  BlockCandidate,
  LoginValidator,
  RejectedShare,
  ShareSink,
} from './ports.js';

/** Test fixtures for the Stratum server: jobs from real templates, a sink, logins, config. */

export * from './miner.fixtures.js';
export { sha256dHasher };
export const TEMPLATE: BlockTemplate = vectorTemplate('litecoind-0.21-h102.json');
/** A clock inside the template's ntime window. */
export const START_MS = (TEMPLATE.curTime + 30) * 1000;
/** Easy enough that a share takes ~40 sha256d hashes to grind. */
export const EASY = '0.00000001';

/** Jobs built from the real litecoind template; target 1 so no share is a block unless asked. */
export function poolJob(id: string, cleanJobs: boolean, blocks = false): PoolJob {
  const work = jobFrom(TEMPLATE, blocks ? {} : { target: 1n });
  return { id, work, cleanJobs, createdAtMs: START_MS };
}

/** The job registry in miniature: a clean job makes every older one stale. */
export class FixedJobSource implements JobSource {
  readonly #active = new Map<string, PoolJob>();
  readonly #stale = new Map<string, PoolJob>();
  readonly #listeners = new Set<(job: PoolJob) => void>();
  #current: PoolJob | undefined;
  #reissued = 0;

  constructor(first?: PoolJob) {
    if (first !== undefined) this.#add(first);
  }

  current(): PoolJob | undefined {
    return this.#current;
  }

  lookup(jobId: string): JobLookup {
    const active = this.#active.get(jobId);
    if (active !== undefined) return { kind: 'active', job: active.work };
    const stale = this.#stale.get(jobId);
    return stale === undefined ? { kind: 'unknown' } : { kind: 'stale', job: stale.work };
  }

  reissueId(): string {
    this.#reissued++;
    return `r${this.#reissued}`;
  }

  onJob(listener: (job: PoolJob) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  publish(job: PoolJob): void {
    this.#add(job);
    for (const l of this.#listeners) l(job);
  }

  #add(job: PoolJob): void {
    if (job.cleanJobs) {
      for (const [id, old] of this.#active) this.#stale.set(id, old);
      this.#active.clear();
    }
    this.#active.set(job.id, job);
    this.#current = job;
  }
}

/** Records everything; `hold()` makes records wait until `release()`. */
export class MemorySink implements ShareSink {
  readonly accepted: AcceptedShare[] = [];
  readonly blocks: BlockCandidate[] = [];
  readonly rejects: RejectedShare[] = [];
  #held: (() => void)[] | undefined;
  #failNext = false;

  hold(): void {
    this.#held ??= [];
  }

  failNext(): void {
    this.#failNext = true;
  }

  get heldCount(): number {
    return this.#held?.length ?? 0;
  }

  release(): void {
    const held = this.#held ?? [];
    this.#held = undefined;
    for (const go of held) go();
  }

  record(share: AcceptedShare): Promise<void> | void {
    if (this.#failNext) {
      this.#failNext = false;
      return Promise.reject(new Error('ledger down'));
    }
    if (this.#held === undefined) {
      this.accepted.push(share);
      return;
    }
    const held = this.#held;
    return new Promise<void>((resolve) => {
      held.push(() => {
        this.accepted.push(share);
        resolve();
      });
    });
  }

  submitBlock(candidate: BlockCandidate): void {
    this.blocks.push(candidate);
  }

  rejected(share: RejectedShare): void {
    this.rejects.push(share);
  }
}

/** Any address but one that starts with `bad` is fine. */
export const testLogins: LoginValidator = {
  validateLogin: (address) =>
    Promise.resolve(
      address.startsWith('bad') ? { ok: false, message: 'Invalid address' } : { ok: true },
    ),
};

export function testConfig(overrides: Partial<StratumConfigInput> = {}): StratumConfig {
  return stratumConfig({
    network: 'ltc-regtest',
    difficulty: { start: EASY, min: '0.000000001', max: '1000' },
    ...overrides,
  });
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** The same answers as testLogins, synchronously (no promise per login). */
export const syncLogins: LoginValidator = {
  validateLogin: (address) =>
    address.startsWith('bad') ? { ok: false, message: 'Invalid address' } : { ok: true },
};
