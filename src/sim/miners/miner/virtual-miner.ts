import type { Duplex } from 'node:stream';
import type { RequestId, SubmitFields } from '../../../pool/stratum/codec/index.js';
import type { Rng, Scheduler, TimerHandle } from '../../../runtime/index.js';
import type {
  BehaviourHooks,
  FoundShare,
  MinerContext,
  SolveRequest,
} from '../behaviours/types.js';
import { reconnectDelayMs } from '../client/backoff.js';
import type { Connector } from '../client/connector.js';
import { StratumClient, type ClientListener } from '../client/stratum-client.js';
import { TruthLog, type GroundTruth, type OpenSession } from '../truth/ground-truth.js';
import type { LineRecord, ShareRecord } from '../truth/records.js';
import type { JobBoard } from './job-board.js';
import type { MinerDeps, MinerSpec } from './miner-spec.js';
import { clientOptionsFor } from './client-options-for.js';
import { answerOf, lineAnswerOf, shareRecord, submitFields } from './records-of.js';
import { ShareProducer } from './share-producer.js';
import { SubmitGate } from './submit-gate.js';

/**
 * One virtual miner: connects after its hardware's latency, speaks Stratum as its firmware
 * does, finds shares on a Poisson clock at its nominal hashrate, grinds each one for real,
 * hands it to its behaviour (honest by default), and records everything in its ground
 * truth. Drops are followed by the firmware's back-off; client.reconnect is obeyed.
 */
export class VirtualMiner implements MinerContext {
  readonly truth: TruthLog;
  readonly minerId: string;
  readonly username: string;
  readonly rng: Rng;
  readonly scheduler: Scheduler;
  readonly board: JobBoard;
  readonly #hooks: BehaviourHooks;
  readonly #producer: ShareProducer;
  #connector: Connector;
  #client: StratumClient | undefined;
  #session: OpenSession | undefined;
  #live = false;
  #closedByMiner = false;
  #reconnectInMs: number | undefined;
  #attempt = 0;
  #timer: TimerHandle | undefined;
  #stopped = false;
  #whenClosed: (() => void) | undefined;
  #closeReason = 'disconnect';
  #roundStartMs: number | undefined;
  readonly #gate: SubmitGate;

  constructor(
    readonly spec: MinerSpec,
    private readonly deps: MinerDeps,
  ) {
    this.minerId = spec.id;
    this.username = spec.username;
    this.rng = deps.rng;
    this.scheduler = deps.scheduler;
    this.board = deps.board;
    this.truth = new TruthLog(
      spec.id,
      spec.profile.id,
      spec.behaviour.id,
      spec.hashrate,
      deps.keepTruth,
    );
    this.#hooks = spec.behaviour.create();
    this.#gate = new SubmitGate(deps.scheduler);
    this.#producer = new ShareProducer(
      {
        scheduler: deps.scheduler,
        meter: deps.meter,
        limits: deps.limits,
        work: () => (this.#live ? this.#client?.state : undefined),
        grindDifficulty: () => this.grindDifficulty(),
        roundAgeMs: () => this.roundAgeMs(),
        shareDue: (dueAtMs) => this.#hooks.shareDue?.(this, dueAtMs) ?? true,
        found: (share) => {
          // The farm's lag is how late grinding delivered the share; what the behaviour does
          // with it next (holds it on a slow link, withholds it) is not the farm falling behind.
          deps.observer.lag(deps.scheduler.clock.nowMs() - share.dueAtMs);
          if (this.#hooks.found !== undefined) this.#hooks.found(this, share);
          else this.#submitIfCurrent(share);
        },
      },
      deps.rng.fork('shares'),
      deps.pow.hashHeader,
      deps.pow.diff1Target,
      spec.hashrate,
    );
    this.#connector = deps.connector;
  }

  get client(): StratumClient | undefined {
    return this.#client;
  }

  get live(): boolean {
    return this.#live;
  }

  /** Connects after the hardware's connect latency (and its jitter, drawn from the seed). */
  start(): void {
    const { latencyMs, jitterMs } = this.spec.profile.connect;
    const delay = Math.max(0, latencyMs + jitterMs * (2 * this.deps.rng.next() - 1));
    this.#timer = this.deps.scheduler.setTimeout(() => void this.#connect(), delay);
  }

  /** No share leaves this miner at or after `atMs` (scenario clock): a farm's cut-off. */
  endSubmitsAt(atMs: number): void {
    this.#gate.closeAt(atMs);
  }

  /**
   * Stops mining and sending shares, waits up to `drainMs` for the answers to shares already
   * sent, then closes the connection; resolves once it is closed and every share is recorded
   * (answered, or unanswered when the wait ran out).
   */
  async stop(drainMs = 0): Promise<void> {
    this.#stopped = true;
    this.#gate.closeAt(this.deps.scheduler.clock.nowMs());
    this.deps.scheduler.clear(this.#timer);
    this.#timer = undefined;
    this.#producer.stop();
    this.#hooks.stop?.(this);
    if (drainMs > 0) await this.#gate.settled(drainMs);
    const client = this.#client;
    if (client !== undefined) {
      this.#closedByMiner = true;
      this.#closeReason = 'stop';
      const closed = new Promise<void>((resolve) => (this.#whenClosed = resolve));
      client.destroy();
      await closed;
    }
    await this.#gate.allSettled();
  }

  snapshot(): GroundTruth {
    return this.truth.snapshot();
  }

  roundAgeMs(): number | undefined {
    const start = this.#roundStartMs;
    return start === undefined ? undefined : this.deps.scheduler.clock.nowMs() - start;
  }

  /** The difficulty this unit grinds at: the pool's, raised to the hardware's minimum. */
  grindDifficulty(): number {
    const believed = this.#client?.state.difficulty ?? 1;
    const floor = (this.spec.profile.quirks.minimumDifficulty ?? 0) * this.spec.difficultyScale;
    return Math.max(believed, floor);
  }

  solve(request: SolveRequest = {}): FoundShare | undefined {
    return this.#producer.solve(request);
  }

  async submit(
    share: FoundShare,
    intent: string,
    overrides: Partial<SubmitFields> = {},
  ): Promise<ShareRecord | undefined> {
    const client = this.#client;
    const session = this.#session;
    if (client === undefined || session === undefined || !client.open || !this.#gate.open) {
      return undefined;
    }
    const fields = submitFields(share.solution, this.spec.username, overrides);
    const seq = this.truth.nextSeq();
    const sentAtMs = this.deps.scheduler.clock.nowMs();
    const { reply, latencyMs } = await this.#gate.track(client.submit(fields));
    const record = shareRecord(this.spec.id, seq, intent, session, share, fields, {
      sentAtMs,
      answer: answerOf(reply),
      latencyMs: reply.kind === 'unanswered' ? undefined : latencyMs,
    });
    this.truth.addShare(record);
    this.deps.observer.share(record);
    this.#hooks.answered?.(this, record, share);
    return record;
  }

  /**
   * An honest miner's share goes out on the scheduler's next turn, once the thread has read
   * what its sockets hold (Node runs I/O between timer phases; virtual time settles in-memory
   * I/O between timers), and only if its job is still one the pool takes: a clean notify (a
   * new tip) voids the jobs before it, and firmware (cgminer, bmminer) discards work found on
   * them rather than send it stale, as a farm thread busy grinding would not see in time.
   * Non-clean notifies keep older jobs valid.
   */
  #submitIfCurrent(share: FoundShare): void {
    const client = this.#client;
    this.deps.scheduler.setTimeout(() => {
      if (this.#stopped || this.#client !== client || client === undefined) return;
      const { job } = share.solution;
      if (client.state.job(job.jobId) !== job) this.deps.observer.discarded(share);
      else void this.submit(share, 'honest');
    }, 0);
  }

  withhold(share: FoundShare, intent: string): void {
    const session = this.#session;
    if (session === undefined) return;
    const fields = submitFields(share.solution, this.spec.username, {});
    const record = shareRecord(this.spec.id, this.truth.nextSeq(), intent, session, share, fields, {
      sentAtMs: undefined,
      answer: { kind: 'withheld' },
      latencyMs: undefined,
    });
    this.truth.addShare(record);
    this.deps.observer.share(record);
  }

  async sendLine(
    data: string | Buffer,
    intent: string,
    answeredAs?: RequestId,
  ): Promise<LineRecord> {
    const seq = this.truth.nextSeq();
    const sentAtMs = this.deps.scheduler.clock.nowMs();
    const session = this.#session?.session ?? 0;
    const answered = await this.#client?.sendRaw(data, answeredAs);
    const record: LineRecord = {
      minerId: this.spec.id,
      seq,
      intent,
      session,
      bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length,
      sentAtMs,
      answer: answered === undefined ? { kind: 'not-awaited' } : lineAnswerOf(answered.reply),
    };
    this.truth.addLine(record);
    this.deps.observer.line(record);
    return record;
  }

  disconnect(reconnectInMs: number): void {
    const client = this.#client;
    if (client === undefined) return;
    this.#reconnectInMs = reconnectInMs;
    this.#closedByMiner = true;
    this.#closeReason = 'disconnect';
    client.close();
  }

  async #connect(): Promise<void> {
    this.#timer = undefined;
    if (this.#stopped) return;
    let stream: Duplex;
    try {
      stream = await this.#connector.connect();
    } catch (error) {
      const failure = {
        minerId: this.spec.id,
        atMs: this.deps.scheduler.clock.nowMs(),
        message: error instanceof Error ? error.message : String(error),
      };
      this.truth.connectFailures.push(failure);
      this.deps.observer.connectFailed(failure);
      this.#scheduleReconnect();
      return;
    }
    if (this.#stopped) {
      stream.destroy();
      return;
    }
    this.#open(stream);
  }

  #open(stream: Duplex): void {
    const session = this.truth.openSession(this.deps.scheduler.clock.nowMs());
    this.#session = session;
    this.#closedByMiner = false;
    this.#producer.rollingMask = 0;
    const client = new StratumClient(stream, clientOptionsFor(this.spec), this.#listener(session), {
      scenario: this.deps.scheduler.clock,
      latency: this.deps.latencyClock,
    });
    this.#client = client;
    if ((this.#hooks.connected?.(this) ?? 'handshake') === 'custom') return;
    void client.handshake().then((ok) => {
      if (ok) session.handshake = 'authorized';
      else if (session.handshake === 'skipped') session.handshake = 'cut';
    });
  }

  #listener(session: OpenSession): ClientListener {
    const now = (): number => this.deps.scheduler.clock.nowMs();
    return {
      live: () => {
        const state = this.#client!.state;
        session.extranonce1 = state.extranonce1;
        this.#attempt = 0;
        this.#live = true;
        this.#producer.rollingMask = state.versionMask;
        this.#hooks.live?.(this);
        this.#producer.run();
      },
      job: (outcome) => {
        session.firstJobAtMs ??= now();
        if (outcome.job.cleanJobs || this.#roundStartMs === undefined) this.#roundStartMs = now();
        this.deps.board.post(outcome.job, this.spec.id);
        this.#producer.rollingMask = this.#client?.state.versionMask ?? 0;
        this.#hooks.job?.(this, outcome);
        if (this.#live) this.#producer.run();
      },
      difficulty: (difficulty) => {
        session.difficulties.push({ atMs: now(), difficulty });
        if (this.#live) this.#producer.run();
      },
      reconnect: (target) => {
        this.#connector = this.#connector.redirect(target.host, target.port);
        this.#reconnectInMs = (target.waitSeconds ?? 0) * 1000;
      },
      refused: () => {
        session.handshake = 'refused';
      },
      closed: (cause) => this.#onClosed(session, cause),
    };
  }

  #onClosed(session: OpenSession, cause: string): void {
    session.closedAtMs = this.deps.scheduler.clock.nowMs();
    session.closedBy = this.#closedByMiner ? 'miner' : 'pool';
    const refused = session.handshake === 'refused' ? 'handshake refused' : cause;
    this.deps.observer.closed(session.closedBy, this.#closedByMiner ? this.#closeReason : refused);
    this.#client = undefined;
    this.#live = false;
    this.#producer.stop();
    this.#hooks.disconnected?.(this);
    const whenClosed = this.#whenClosed;
    this.#whenClosed = undefined;
    whenClosed?.();
    if (!this.#stopped) this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    const asked = this.#reconnectInMs;
    this.#reconnectInMs = undefined;
    const delay =
      asked ?? reconnectDelayMs(this.spec.profile.reconnect, this.#attempt++, this.deps.rng);
    this.#timer = this.deps.scheduler.setTimeout(() => void this.#connect(), delay);
  }
}
