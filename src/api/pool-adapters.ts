import type { Logger } from 'pino';
import type {
  HashratePoint,
  MinerLiveStats,
  NetworkControl,
  NetworkLiveStats,
  NetworkStatus,
  PoolEvent,
  PoolEventFeed,
  PoolStatsProvider,
  SwitchOutcome,
} from './ports.js';
import type { Clock } from '../runtime/clock.js';
import type { Scheduler } from '../runtime/scheduler.js';
import { difficultyOfTarget } from '../pool/core/difficulty/difficulty.js';
import type { Pool } from '../pool/pool.js';
import type { LiveState, WorkerRef } from '../pool/store/live/live-state.js';

/** Hashes per second from work over a window (a float: small pools have fractional rates). */
function hashesPerSecond(work: bigint, windowMs: number): number {
  return (Number(work) * 1000) / windowMs;
}

/** Hashrate windows the API shows: 10 minutes, 1 hour, 24 hours. */
const WINDOWS_MS = [600_000, 3_600_000, 86_400_000] as const;
/** A worker counts as online this long after its last share. */
const ONLINE_TTL_MS = 600_000;
/** Hashrate history: one point per 15 minutes over the last 24 hours. */
const HISTORY_STEP_MS = 900_000;
const HISTORY_POINTS = 96;

interface AddressTally {
  accepted: number;
  blocks: number;
  readonly rejected: Record<string, number>;
  readonly workers: Map<string, number>;
}

/**
 * What the API reads of a running pool: live hashrate from the live state (fed here from the
 * pool's accepted shares: work per worker per bucket, heartbeats), the pool's jobs and
 * counters, and per-address share tallies kept since the process started.
 */
export class PoolLiveStats implements PoolStatsProvider {
  readonly #tallies = new Map<string, AddressTally>();
  readonly #unwatch: () => void;

  constructor(
    private readonly pool: Pool,
    private readonly live: LiveState,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#unwatch = pool.watch((activity) => {
      if (activity.kind !== 'share') return;
      const { share } = activity;
      const ref: WorkerRef = {
        network: share.network,
        address: share.address,
        worker: share.worker,
      };
      const t = this.#tally(share.network, share.address);
      t.accepted++;
      if (share.verdict === 'block') t.blocks++;
      t.workers.set(share.worker, share.timeMs);
      const failed = (err: unknown) => this.logger.warn({ err }, 'live state not updated');
      this.live.addWork(ref, share.work, share.timeMs).catch(failed);
      this.live.heartbeat(ref, share.timeMs, ONLINE_TTL_MS).catch(failed);
    });
  }

  close(): void {
    this.#unwatch();
  }

  async networks(): Promise<readonly NetworkLiveStats[]> {
    const now = this.clock.nowMs();
    const server = this.pool.server;
    const counters = server.counters();
    const sessions = server.sessionsByNetwork();
    const out: NetworkLiveStats[] = [];
    for (const n of this.pool.networks.values()) {
      const work = await this.live.networkWork(n.id, WINDOWS_MS[0], now);
      const online = await this.live.workersOnline(n.id, now);
      const template = n.jobs.current()?.work.template;
      const tally = server.tally(n.id);
      out.push({
        network: n.id,
        poolHashrate: hashesPerSecond(work, WINDOWS_MS[0]),
        networkHashrate: undefined,
        networkDifficulty:
          template === undefined
            ? undefined
            : difficultyOfTarget(n.diff1Target, template.target).toPrecision(12),
        height: template?.height,
        minersOnline: new Set(online.map((w) => w.address)).size,
        workersOnline: online.length,
        roundEffort: undefined,
        ports: [],
        counters: {
          connectionsOpen: sessions.get(n.id) ?? 0,
          connectionsAccepted: counters.connectionsAccepted,
          sharesAccepted: tally.accepted,
          blocks: this.pool.blocks.filter((b) => b.network === n.id).length,
          sharesRejected: counters.sharesRejected,
        },
      });
    }
    return out;
  }

  async miner(network: string, address: string): Promise<MinerLiveStats | undefined> {
    const t = this.#tallies.get(`${network}/${address}`);
    if (t === undefined) return undefined;
    const now = this.clock.nowMs();
    const windows = async (ref: WorkerRef) =>
      Promise.all(
        WINDOWS_MS.map(async (windowMs) => ({
          windowMs,
          hashesPerSecond: hashesPerSecond(
            await this.live.workerWork(ref, windowMs, now),
            windowMs,
          ),
        })),
      );
    const workers = await Promise.all(
      [...t.workers].map(async ([name, lastShareMs]) => ({
        name,
        online: now - lastShareMs < ONLINE_TTL_MS,
        hashrate: await windows({ network, address, worker: name }),
        lastShareMs,
      })),
    );
    const hashrate = WINDOWS_MS.map((windowMs, i) => ({
      windowMs,
      hashesPerSecond: workers.reduce((sum, w) => sum + w.hashrate[i]!.hashesPerSecond, 0),
    }));
    return {
      hashrate,
      workers,
      shares: { accepted: t.accepted, blocks: t.blocks, rejected: { ...t.rejected } },
    };
  }

  async hashrateHistory(
    network: string,
    address: string | undefined,
  ): Promise<readonly HashratePoint[]> {
    const now = this.clock.nowMs();
    const workers =
      address === undefined
        ? undefined
        : [...(this.#tallies.get(`${network}/${address}`)?.workers.keys() ?? [])];
    const points: HashratePoint[] = [];
    for (let i = HISTORY_POINTS - 1; i >= 0; i--) {
      const atMs = now - i * HISTORY_STEP_MS;
      let work = 0n;
      if (workers === undefined) {
        work = await this.live.networkWork(network, HISTORY_STEP_MS, atMs);
      } else {
        for (const worker of workers) {
          work += await this.live.workerWork(
            { network, address: address!, worker },
            HISTORY_STEP_MS,
            atMs,
          );
        }
      }
      points.push({ atMs, hashesPerSecond: hashesPerSecond(work, HISTORY_STEP_MS) });
    }
    return points;
  }

  ledger() {
    return this.pool.books?.ledger.stats();
  }

  #tally(network: string, address: string): AddressTally {
    const key = `${network}/${address}`;
    let t = this.#tallies.get(key);
    if (t === undefined) {
      t = { accepted: 0, blocks: 0, rejected: {}, workers: new Map() };
      this.#tallies.set(key, t);
    }
    return t;
  }
}

/**
 * The API's NetworkControl over the pool's switcher: a switch is answered once it is refused
 * or done, or after `answerWithinMs` as `started` while the canary runs (status tells the
 * rest). Every outcome goes to the event feed.
 */
export class PoolNetworkControl implements NetworkControl {
  #switching: { from: string; to: string } | undefined;
  #previous: string | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly scheduler: Scheduler,
    private readonly events: (event: PoolEvent) => void,
    private readonly answerWithinMs = 2_000,
  ) {}

  status(): Promise<NetworkStatus> {
    return Promise.resolve({
      active: this.pool.switcher.current,
      switching: this.#switching,
      previous: this.#previous,
    });
  }

  switchTo(network: string, actor: string): Promise<SwitchOutcome> {
    return this.#run(network, () => this.pool.switcher.switchTo(network, { actor }));
  }

  rollback(actor: string): Promise<SwitchOutcome> {
    const to = this.#previous;
    if (to === undefined) {
      return Promise.resolve({ kind: 'refused', reason: 'no completed switch to roll back' });
    }
    return this.#run(to, () => this.pool.switcher.rollback({ actor }));
  }

  async #run(
    to: string,
    start: () => ReturnType<Pool['switcher']['switchTo']>,
  ): Promise<SwitchOutcome> {
    const from = this.pool.switcher.current;
    const now = () => this.scheduler.clock.nowMs();
    const running = start().then(
      async (outcome) => {
        this.#switching = undefined;
        if (outcome.kind === 'completed') this.#previous = outcome.from;
        this.events({ type: 'switch', from, to, phase: outcome.kind, atMs: now() });
        return { kind: 'completed' as const, status: await this.status() };
      },
      (err: unknown) => {
        this.#switching = undefined;
        return {
          kind: 'refused' as const,
          reason: err instanceof Error ? err.message.replace(/^[A-Z_]+: /, '') : String(err),
        };
      },
    );
    if (!this.pool.switcher.switching) return running;
    this.#switching = { from, to };
    this.events({ type: 'switch', from, to, phase: 'started', atMs: now() });
    let timer: ReturnType<Scheduler['setTimeout']> | undefined;
    const later = new Promise<SwitchOutcome>((resolve) => {
      timer = this.scheduler.setTimeout(
        () => void this.status().then((status) => resolve({ kind: 'started', status })),
        this.answerWithinMs,
      );
    });
    const first = await Promise.race([running, later]);
    this.scheduler.clear(timer);
    return first;
  }
}

/** The API's live stream fed from the pool: blocks as the daemons answer them. */
export class PoolEvents implements PoolEventFeed {
  readonly #listeners = new Set<(event: PoolEvent) => void>();
  readonly #unwatch: () => void;

  constructor(pool: Pool) {
    this.#unwatch = pool.watch((activity) => {
      if (activity.kind !== 'block' || activity.block.result.kind !== 'accepted') return;
      const b = activity.block;
      this.publish({
        type: 'block',
        network: b.network,
        height: b.height,
        hash: b.blockHash,
        foundBy: b.address,
        atMs: b.submittedAtMs,
      });
    });
  }

  subscribe(listener: (event: PoolEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: PoolEvent): void {
    for (const l of this.#listeners) l(event);
  }

  close(): void {
    this.#unwatch();
  }
}
