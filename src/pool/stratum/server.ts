import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ChimeraError } from '../../errors.js';
import type { Scheduler, TimerHandle } from '../../runtime/scheduler.js';
import type { ShareHasher } from '../core/shares/validate-share.js';
import type { JobSource, PoolJob } from '../jobs/types.js';
import type { ReconnectTarget } from './codec/encode.js';
import type { StratumConfig } from './config.js';
import { Connection, type ConnectionHost, type PeerInfo } from './connection.js';
import { newStratumCounters, snapshotCounters, type CountersSnapshot } from './counters.js';
import { BanList } from './ban-list.js';
import { sessionLogger } from './logging.js';
import { NotifyLines } from './notify-lines.js';
import type { ExtranonceAllocator, LoginValidator, ShareSink } from './ports.js';
import { SeenShares } from './seen-shares.js';
import { StratumSession } from './session.js';
import type { SessionAction } from './session-actions.js';
import type { NetworkBinding, SessionDeps } from './session-deps.js';
import type { SessionPolicy } from './config.js';

export interface StratumServerDeps {
  readonly config: StratumConfig;
  readonly jobs: JobSource;
  readonly sink: ShareSink;
  readonly logins: LoginValidator;
  readonly extranonces: ExtranonceAllocator;
  readonly hasher: ShareHasher;
  /** All timers, and through its clock all time. */
  readonly scheduler: Scheduler;
  /** The root logger; sessions log through redacting children of it. */
  readonly logger: Logger;
}

export type AttachResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'banned' | 'full' | 'per-ip' | 'closing' };

/** A network the server can serve: its session rules, jobs and proof of work. */
export interface ServedNetwork {
  readonly policy: SessionPolicy;
  readonly jobs: JobSource;
  readonly hasher: ShareHasher;
}

/** Shares answered per network since the server started (a switch's canary reads them). */
export interface NetworkTally {
  accepted: number;
  rejected: number;
}

export interface ShutdownOptions {
  /** Send client.reconnect first: `true` for "here again", or a target. */
  readonly reconnect?: ReconnectTarget | true;
}

/** The sweep over all connections runs in this many slices per sweepIntervalMs. */
const SWEEP_SLICES = 10;

/**
 * The Stratum server: sessions over any duplex byte stream. `attach` serves a stream that
 * is already connected (an in-memory pair from the simulator, a socket); `listen` adds TCP.
 * One periodic sweep on the injected scheduler drives every deadline and vardiff tick, so a
 * connection costs no timer of its own.
 */
export class StratumServer {
  readonly #deps: StratumServerDeps;
  readonly #counters = newStratumCounters();
  readonly #connections = new Set<Connection>();
  readonly #perIp = new Map<string, number>();
  readonly #bans = new BanList();
  readonly #seen = new SeenShares();
  readonly #sessionDeps: SessionDeps;
  readonly #host: ConnectionHost;
  readonly #logger: Logger;
  /** Every network the server can serve, by name, with its job subscription. */
  readonly #networks = new Map<string, { binding: NetworkBinding; unsubscribe: () => void }>();
  readonly #tally = new Map<string, NetworkTally>();
  /** The network new sessions mine for. */
  #default: NetworkBinding;
  /** IPs and payout addresses an operator banned (the API's bans), refused until lifted. */
  #operatorBans: { ips: ReadonlySet<string>; addresses: ReadonlySet<string> } = {
    ips: new Set(),
    addresses: new Set(),
  };
  readonly #tcp: Server[] = [];
  #sweep: TimerHandle | undefined;
  /** Where the sweep is in its pass over the connections (a live Set iterator). */
  #sweepCursor: Iterator<Connection> | undefined;
  #closing: Promise<void> | undefined;
  #whenEmpty: (() => void) | undefined;
  #nextId = 1;

  constructor(deps: StratumServerDeps) {
    this.#deps = deps;
    this.#logger = sessionLogger(deps.logger);
    this.#default = this.#addNetwork({
      policy: deps.config.session,
      jobs: deps.jobs,
      hasher: deps.hasher,
    });
    this.#sessionDeps = {
      ...this.#default,
      extranonces: deps.extranonces,
      seen: this.#seen,
      counters: this.#counters,
      logger: this.#logger,
    };
    const tally = (network: string): NetworkTally => {
      let t = this.#tally.get(network);
      if (t === undefined) {
        t = { accepted: 0, rejected: 0 };
        this.#tally.set(network, t);
      }
      return t;
    };
    const sink: ShareSink = {
      record: (share) => {
        tally(share.network).accepted++;
        return deps.sink.record(share);
      },
      rejected: (share) => {
        tally(share.network).rejected++;
        deps.sink.rejected(share);
      },
      submitBlock: (candidate) => deps.sink.submitBlock(candidate),
    };
    this.#host = {
      sink,
      logins: {
        // An address an operator banned gets no login, whatever the validator says.
        validateLogin: (address, worker) =>
          this.#operatorBans.addresses.has(address)
            ? { ok: false, message: 'this address is banned by the pool operator' }
            : deps.logins.validateLogin(address, worker),
      },
      clock: deps.scheduler.clock,
      counters: this.#counters,
      logger: this.#logger,
      maxPending: deps.config.server.maxPendingActions,
      limits: deps.config.server,
      ban: (ip, untilMs) => this.#bans.ban(ip, untilMs),
      gone: (c) => this.#forget(c),
    };
  }

  /** The network new sessions mine for. */
  get defaultNetwork(): string {
    return this.#default.policy.network;
  }

  /**
   * Makes a network servable: its jobs reach the sessions bound to it from now on. Every
   * network of one server hands out the same extranonce sizes, and job ids unique among
   * them all (JobManager's idPrefix).
   */
  addNetwork(network: ServedNetwork): void {
    if (this.#networks.has(network.policy.network)) {
      throw new ChimeraError(
        'STRATUM_NETWORK_EXISTS',
        `network ${network.policy.network} is served already`,
      );
    }
    this.#addNetwork(network);
  }

  /**
   * The operator's bans, as a whole (replacing the last set): connections from a banned IP
   * are refused and the open ones closed; sessions with a worker of a banned address are
   * closed, and the address's logins are refused. Returns how many
   * connections were closed.
   */
  setOperatorBans(bans: { ips: ReadonlySet<string>; addresses: ReadonlySet<string> }): number {
    this.#operatorBans = bans;
    let closed = 0;
    for (const c of [...this.#connections]) {
      const session = c.session;
      if (session.phase === 'closed') continue;
      const byIp = bans.ips.has(c.peer.remoteAddress);
      const byAddress = session.workers
        .names()
        .some((name) => bans.addresses.has(session.workers.get(name)?.address ?? ''));
      if (!byIp && !byAddress) continue;
      const out: SessionAction[] = [];
      session.close(out, 'operator-ban', false);
      c.run(out);
      closed++;
    }
    return closed;
  }

  /** New sessions mine for `network` from now on. */
  setDefaultNetwork(network: string): void {
    this.#default = this.#served(network);
  }

  /**
   * Moves the sessions `select` picks (among those on other networks) to `network`, each
   * with StratumSession.rebind: in place where the miner can follow, client.reconnect where
   * it cannot. Returns how many of each.
   */
  moveSessions(
    network: string,
    select: (session: StratumSession) => boolean,
    graceMs: number,
  ): { readonly moved: number; readonly reconnected: number } {
    const binding = this.#served(network);
    const nowMs = this.#deps.scheduler.clock.nowMs();
    let moved = 0;
    let reconnected = 0;
    for (const c of [...this.#connections]) {
      const session = c.session;
      if (session.network === network || session.phase === 'closed' || !select(session)) continue;
      const actions = session.rebind(binding, nowMs, graceMs);
      if (actions.some((a) => a.kind === 'close')) reconnected++;
      else moved++;
      c.run(actions);
    }
    return { moved, reconnected };
  }

  /** Live sessions per network. */
  sessionsByNetwork(): ReadonlyMap<string, number> {
    const out = new Map<string, number>();
    for (const c of this.#connections) {
      if (c.session.phase === 'closed') continue;
      out.set(c.session.network, (out.get(c.session.network) ?? 0) + 1);
    }
    return out;
  }

  /** Shares answered per network so far (a copy). */
  tally(network: string): NetworkTally {
    const t = this.#tally.get(network);
    return { accepted: t?.accepted ?? 0, rejected: t?.rejected ?? 0 };
  }

  #addNetwork(network: ServedNetwork): NetworkBinding {
    const binding: NetworkBinding = { ...network, notifyLines: new NotifyLines() };
    const current = network.jobs.current();
    if (current !== undefined) this.#checkJob(current);
    const unsubscribe = network.jobs.onJob((job) => this.#onJob(job, network.jobs));
    this.#networks.set(network.policy.network, { binding, unsubscribe });
    return binding;
  }

  #served(network: string): NetworkBinding {
    const served = this.#networks.get(network);
    if (served === undefined) {
      throw new ChimeraError('STRATUM_NETWORK_UNKNOWN', `network ${network} is not served here`);
    }
    return served.binding;
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Accepted share keys held for duplicate checks (memory metric). */
  get seenShareKeys(): number {
    return this.#seen.size;
  }

  counters(): CountersSnapshot {
    return snapshotCounters(this.#counters);
  }

  isBanned(remoteAddress: string): boolean {
    return this.#bans.isBanned(remoteAddress, this.#deps.scheduler.clock.nowMs());
  }

  /** Serves a connected stream, or destroys it at once when it may not connect. */
  attach(stream: Duplex, peer: PeerInfo): AttachResult {
    const refused = this.#refusal(peer.remoteAddress);
    if (refused !== undefined) {
      this.#counters.connectionsRefused[refused === 'per-ip' ? 'perIp' : refused]++;
      stream.destroy();
      return { ok: false, reason: refused };
    }
    this.#counters.connectionsAccepted++;
    this.#perIp.set(peer.remoteAddress, (this.#perIp.get(peer.remoteAddress) ?? 0) + 1);
    const logger = this.#logger.child({ conn: this.#nextId++, peer: peer.remoteAddress });
    const nowMs = this.#deps.scheduler.clock.nowMs();
    const session = new StratumSession({ ...this.#sessionDeps, ...this.#default, logger }, nowMs);
    const connection = new Connection(this.#host, stream, peer, session, logger);
    this.#connections.add(connection);
    this.#sweep ??= this.#deps.scheduler.setInterval(
      () => this.#tick(),
      this.#deps.config.server.sweepIntervalMs / SWEEP_SLICES,
    );
    return { ok: true };
  }

  /** Listens on TCP; resolves with the bound address (port 0 picks a free one). */
  listen(host: string, port: number): Promise<AddressInfo> {
    if (this.#closing !== undefined) {
      return Promise.reject(new ChimeraError('STRATUM_SERVER_CLOSED', 'listen() after close()'));
    }
    const tcp = createServer({ allowHalfOpen: false, noDelay: true }, (socket: Socket) => {
      socket.setKeepAlive(true, 60_000);
      this.attach(socket, {
        remoteAddress: socket.remoteAddress ?? 'unknown',
        remotePort: socket.remotePort,
      });
    });
    this.#tcp.push(tcp);
    return new Promise((resolve, reject) => {
      tcp.once('error', reject);
      tcp.listen({ host, port }, () => {
        tcp.off('error', reject);
        tcp.on('error', (err) => this.#logger.error({ err }, 'listener error'));
        resolve(tcp.address() as AddressInfo);
      });
    });
  }

  /** client.reconnect to every live session (a network switch); each then closes. */
  reconnectAll(target?: ReconnectTarget): void {
    for (const c of this.#connections) c.run(c.session.reconnect(target));
  }

  /**
   * A new extranonce1 for every subscribed session: `mining.set_extranonce` and clean work
   * to miners that subscribed to it, `client.reconnect` to the rest (see
   * StratumSession.renewExtranonce). Returns how many followed and how many were asked to
   * reconnect.
   */
  renewExtranonces(): { readonly renewed: number; readonly reconnected: number } {
    let renewed = 0;
    let reconnected = 0;
    for (const c of [...this.#connections]) {
      const actions = c.session.renewExtranonce();
      if (actions.length === 0) continue;
      if (actions.some((a) => a.kind === 'close')) reconnected++;
      else renewed++;
      c.run(actions);
    }
    return { renewed, reconnected };
  }

  /**
   * Graceful shutdown: stop accepting, optionally send client.reconnect, let unfinished
   * share records settle and their answers go out, then close. Whatever is still open after
   * shutdownGraceMs is destroyed.
   */
  close(options: ShutdownOptions = {}): Promise<void> {
    this.#closing ??= this.#shutdown(options);
    return this.#closing;
  }

  async #shutdown(options: ShutdownOptions): Promise<void> {
    for (const n of this.#networks.values()) n.unsubscribe();
    const listeners = this.#tcp.map(
      (tcp) => new Promise<void>((resolve) => tcp.close(() => resolve())),
    );
    const reconnect = options.reconnect === true ? undefined : options.reconnect;
    for (const c of this.#connections) {
      if (options.reconnect !== undefined) c.run(c.session.reconnect(reconnect));
      else c.end('shutdown');
    }
    const { scheduler, config } = this.#deps;
    await new Promise<void>((resolve) => {
      const deadline = scheduler.setTimeout(() => {
        for (const c of this.#connections) c.destroy();
      }, config.server.shutdownGraceMs);
      this.#whenEmpty = () => {
        scheduler.clear(deadline);
        resolve();
      };
      this.#checkEmpty();
    });
    scheduler.clear(this.#sweep);
    this.#sweep = undefined;
    await Promise.all(listeners);
  }

  #checkEmpty(): void {
    if (this.#connections.size > 0 || this.#whenEmpty === undefined) return;
    const done = this.#whenEmpty;
    this.#whenEmpty = undefined;
    done();
  }

  #refusal(ip: string): Exclude<AttachResult, { ok: true }>['reason'] | undefined {
    const limits = this.#deps.config.server;
    if (this.#closing !== undefined) return 'closing';
    if (this.#bans.isBanned(ip, this.#deps.scheduler.clock.nowMs())) return 'banned';
    if (this.#operatorBans.ips.has(ip)) return 'banned';
    if (this.#connections.size >= limits.maxConnections) return 'full';
    const perIp = limits.maxConnectionsPerIp;
    if (perIp !== undefined && (this.#perIp.get(ip) ?? 0) >= perIp) return 'per-ip';
    return undefined;
  }

  #forget(c: Connection): void {
    if (!this.#connections.delete(c)) return;
    const ip = c.peer.remoteAddress;
    const left = (this.#perIp.get(ip) ?? 1) - 1;
    if (left > 0) this.#perIp.set(ip, left);
    else this.#perIp.delete(ip);
    this.#checkEmpty();
  }

  /**
   * One slice of the sweep: every sweepIntervalMs each connection is ticked once, spread
   * over SWEEP_SLICES timer turns, so 10,000 connections never stall the loop for one long
   * pass (answers to shares would wait behind it).
   */
  #tick(): void {
    const nowMs = this.#deps.scheduler.clock.nowMs();
    // Never more than there are connections, so none is ticked twice in one slice.
    let left = Math.ceil(this.#connections.size / SWEEP_SLICES);
    let restarts = 0;
    while (left > 0 && restarts < 2) {
      if (this.#sweepCursor === undefined) {
        this.#bans.prune(nowMs);
        this.#sweepCursor = this.#connections.values();
        restarts++;
      }
      const next = this.#sweepCursor.next();
      if (next.done === true) {
        this.#sweepCursor = undefined;
        continue;
      }
      next.value.tick(nowMs);
      left--;
    }
  }

  #onJob(job: PoolJob, source: JobSource): void {
    this.#checkJob(job);
    const networks = [...this.#networks.values()];
    this.#seen.prune((jobId) =>
      networks.some((n) => n.binding.jobs.lookup(jobId).kind === 'active'),
    );
    for (const c of this.#connections) c.run(c.session.onJob(job, source));
  }

  /** A job built for other extranonce sizes would make every share fail: a wiring bug. */
  #checkJob(job: PoolJob): void {
    const want1 = this.#deps.extranonces.size;
    const want2 = this.#deps.config.session.extranonce2Size;
    const { extranonce1Size, extranonce2Size } = job.work;
    if (extranonce1Size !== want1 || extranonce2Size !== want2) {
      throw new ChimeraError(
        'STRATUM_JOB_EXTRANONCE_MISMATCH',
        `job ${job.id} is built for extranonces ${extranonce1Size}+${extranonce2Size}, ` +
          `the server hands out ${want1}+${want2}`,
        { jobId: job.id },
      );
    }
  }
}

/** Builds a server; nothing listens until `listen`, nothing runs until a stream is attached. */
export function createStratumServer(deps: StratumServerDeps): StratumServer {
  return new StratumServer(deps);
}
