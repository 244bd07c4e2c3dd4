import {
  difficultyFrom,
  difficultyFromTarget,
  type Difficulty,
} from '../core/difficulty/difficulty.js';
import type { ShareHasher } from '../core/shares/validate-share.js';
import type { JobSource, PoolJob } from '../jobs/types.js';
import {
  encodeError,
  encodeReconnect,
  encodeResult,
  encodeSetDifficulty,
  encodeSetExtranonce,
  encodeSubscribeResult,
  type ReconnectTarget,
} from './codec/encode.js';
import type {
  AuthorizeRequest,
  ParseError,
  RequestId,
  StratumRequest,
  SubscribeRequest,
} from './codec/messages.js';
import type { ExtranonceLease, LoginCheck } from './ports.js';
import { NO_ACTIONS, send, type CloseReason, type SessionAction } from './session-actions.js';
import { answerConfigure } from './session-configure.js';
import { SessionDifficulty } from './session-difficulty.js';
import { SessionGuard } from './session-guard.js';
import { submitActions } from './session-submit.js';
import { SessionWorkers } from './session-workers.js';
import { ShareJudge } from './share-judge.js';
import type { NetworkBinding, SessionDeps } from './session-deps.js';

export type SessionPhase = 'connected' | 'subscribed' | 'authorized' | 'closed';

/** What judges a share: the session's network, its difficulty book and its judge. */
export interface ShareContext {
  readonly deps: SessionDeps;
  readonly difficulty: SessionDifficulty;
  readonly judge: ShareJudge;
}

interface PreviousNetwork extends ShareContext {
  readonly untilMs: number;
}

function sameProofOfWork(a: ShareHasher, b: ShareHasher): boolean {
  return a === b || (a.id !== undefined && a.id === b.id);
}

function judgeFor(deps: SessionDeps): ShareJudge {
  const { policy } = deps;
  return new ShareJudge(
    deps.jobs,
    deps.hasher,
    deps.seen,
    policy.shareRules,
    policy.extranonce2Size,
  );
}

const TOO_MANY_WORKERS = { code: 24, message: 'Too many workers on this connection' } as const;
const NO_EXTRANONCE = { code: 20, message: 'No extranonce1 free, try again later' } as const;
const NO_TRANSACTIONS = { code: 20, message: 'mining.get_transactions is not supported' } as const;

/**
 * One miner's Stratum v1 session as a state machine with no socket: it takes parsed requests,
 * the validator's answers, new jobs and clock ticks, and returns the actions to carry out, in
 * order. States go connected -> subscribed -> authorized (one or more workers) -> closed;
 * authorize may also come before subscribe. Work (set_difficulty, then notify) starts when
 * the session is both subscribed and authorized.
 */
export class StratumSession {
  readonly guard: SessionGuard;
  /** The network the session mines for, its difficulty book and its judge: one object, so
   * the share path reads it without building one per share. */
  #current: ShareContext;
  /** The network the session left in a switch, while shares for its jobs are still taken. */
  #previous: PreviousNetwork | undefined;
  readonly workers: SessionWorkers;
  #lease: ExtranonceLease | undefined;
  #live = false;
  #closed = false;
  #extranonceSubscribed = false;
  #userAgent: string | undefined;
  readonly #connectedAtMs: number;
  #lastLineMs: number;

  constructor(deps: SessionDeps, nowMs: number) {
    const { policy } = deps;
    this.#current = { deps, difficulty: new SessionDifficulty(policy), judge: judgeFor(deps) };
    this.guard = new SessionGuard(policy, nowMs);
    this.workers = new SessionWorkers(policy.maxWorkers);
    this.#connectedAtMs = nowMs;
    this.#lastLineMs = nowMs;
  }

  get deps(): SessionDeps {
    return this.#current.deps;
  }

  get difficulty(): SessionDifficulty {
    return this.#current.difficulty;
  }

  get judge(): ShareJudge {
    return this.#current.judge;
  }

  /** The network the session mines for now. */
  get network(): string {
    return this.#current.deps.policy.network;
  }

  /**
   * Where a share for `jobId` is judged: the current network, or the one the session left in
   * a switch while its grace lasts and the id is one that network's work went out under.
   */
  contextFor(jobId: string, nowMs: number): ShareContext {
    const previous = this.#previous;
    if (previous !== undefined && this.#current.difficulty.sent(jobId) === undefined) {
      if (nowMs < previous.untilMs && previous.difficulty.sent(jobId) !== undefined)
        return previous;
      if (nowMs >= previous.untilMs) this.#previous = undefined;
    }
    return this.#current;
  }

  /**
   * Moves the session to another network while the miner stays connected (a hot switch):
   * the new network's difficulty, then its current job with clean_jobs, so the miner drops
   * the old work at once. Shares for the old network's jobs already out are judged, and
   * booked, on the old network for `graceMs` (their jobs must still be active there), then
   * refused as stale (21). A network of another proof of work cannot be followed by the same
   * hardware: that miner gets client.reconnect. A session not live yet just changes network.
   */
  rebind(binding: NetworkBinding, nowMs: number, graceMs: number): readonly SessionAction[] {
    if (this.#closed) return NO_ACTIONS;
    const left = this.#current;
    const from = left.deps;
    if (from.policy.network === binding.policy.network) return NO_ACTIONS;
    if (this.#live && !sameProofOfWork(from.hasher, binding.hasher)) return this.reconnect();
    const deps = { ...from, ...binding };
    const next: ShareContext = {
      deps,
      difficulty: new SessionDifficulty(binding.policy),
      judge: judgeFor(deps),
    };
    next.judge.versionMask = left.judge.versionMask;
    if (this.#lease !== undefined) next.judge.bind(this.#lease);
    this.#current = next;
    this.#previous = this.#live ? { ...left, untilMs: nowMs + graceMs } : undefined;
    from.logger.info({ from: from.policy.network, to: binding.policy.network }, 'network switch');
    if (!this.#live) return NO_ACTIONS;
    next.difficulty.start(nowMs);
    const out: SessionAction[] = [send(encodeSetDifficulty(next.difficulty.wire))];
    const job = binding.jobs.current();
    if (job !== undefined) {
      next.difficulty.jobSent(job.id);
      out.push(send(binding.notifyLines.restart(job, job.id)));
    }
    return out;
  }

  get phase(): SessionPhase {
    if (this.#closed) return 'closed';
    if (this.#live) return 'authorized';
    return this.#lease === undefined ? 'connected' : 'subscribed';
  }

  /** Subscribed and authorized: jobs and difficulty changes are sent. */
  get live(): boolean {
    return this.#live;
  }

  get lease(): ExtranonceLease | undefined {
    return this.#lease;
  }

  get userAgent(): string | undefined {
    return this.#userAgent;
  }

  /** The miner said (mining.extranonce.subscribe or BIP 310) it takes mining.set_extranonce. */
  get extranonceSubscribed(): boolean {
    return this.#extranonceSubscribed;
  }

  handle(request: StratumRequest, nowMs: number): readonly SessionAction[] {
    if (this.#closed) return NO_ACTIONS;
    this.#lastLineMs = nowMs;
    switch (request.method) {
      case 'mining.submit':
        return submitActions(this, request, nowMs);
      case 'mining.subscribe':
        return this.#subscribe(request, nowMs);
      case 'mining.authorize':
        return this.#authorize(request);
      case 'mining.configure': {
        const out: SessionAction[] = [];
        const answer = answerConfigure(request, this.deps.policy.versionMask, this, nowMs);
        out.push(send(answer.line));
        if (answer.subscribeExtranonce) this.#extranonceSubscribed = true;
        if (answer.difficultyChanged) this.announceDifficulty(out);
        return out;
      }
      case 'mining.suggest_difficulty':
        return this.#suggest(request.id, difficultyFrom(request.difficulty), nowMs);
      case 'mining.suggest_target': {
        const d = difficultyFromTarget(this.deps.hasher.diff1Target, request.target);
        return this.#suggest(request.id, d, nowMs);
      }
      case 'mining.extranonce.subscribe':
        this.#extranonceSubscribed = true;
        return [send(encodeResult(request.id, true))];
      case 'mining.get_transactions':
        return [send(encodeError(request.id, NO_TRANSACTIONS))];
      case 'mining.multi_version':
        return [send(encodeResult(request.id, true))];
    }
  }

  /** A line that did not parse: answered with the id when one was readable. */
  handleParseError(error: ParseError, nowMs: number): readonly SessionAction[] {
    if (this.#closed) return NO_ACTIONS;
    this.#lastLineMs = nowMs;
    this.deps.counters.parseErrors[error.reason]++;
    const out: SessionAction[] = [send(encodeError(error.id, error))];
    // Miners send methods we do not know (mining.capabilities, ...): answered, never held against them.
    if (error.reason !== 'unknown-method') {
      const abuse = this.guard.protocolError();
      if (abuse !== undefined) this.close(out, abuse, true);
    }
    return out;
  }

  /** The LoginValidator's answer to a `check-login` action. */
  loginChecked(
    request: AuthorizeRequest,
    result: LoginCheck,
    nowMs: number,
  ): readonly SessionAction[] {
    this.workers.settle(request, result.ok);
    if (this.#closed) return NO_ACTIONS;
    const { counters, logger } = this.deps;
    const out: SessionAction[] = [];
    if (!result.ok) {
      counters.authorizes.failed++;
      logger.info({ username: request.username, why: result.message }, 'authorize refused');
      out.push(send(encodeError(request.id, { code: 24, message: result.message })));
      const abuse = this.guard.failedLogin();
      if (abuse !== undefined) this.close(out, abuse, true);
      return out;
    }
    counters.authorizes.ok++;
    logger.info({ username: request.username }, 'authorized');
    out.push(send(encodeResult(request.id, true)));
    this.#goLive(out, nowMs);
    return out;
  }

  /** A new job from the job source of the session's network (others are ignored). */
  onJob(job: PoolJob, source: JobSource = this.#current.deps.jobs): readonly SessionAction[] {
    if (!this.#live || this.#closed || source !== this.#current.deps.jobs) return NO_ACTIONS;
    this.difficulty.jobSent(job.id);
    return [send(this.deps.notifyLines.first(job))];
  }

  /** Deadlines and vardiff for a miner that went quiet; called from the server's sweep. */
  tick(nowMs: number): readonly SessionAction[] {
    if (this.#closed) return NO_ACTIONS;
    const { policy } = this.deps;
    const out: SessionAction[] = [];
    if (!this.#live && nowMs - this.#connectedAtMs >= policy.handshakeTimeoutMs) {
      this.close(out, 'handshake-timeout', false);
    } else if (nowMs - this.#lastLineMs >= policy.idleTimeoutMs) {
      this.close(out, 'idle-timeout', false);
    } else if (this.#live && this.difficulty.onTick(nowMs)) {
      this.announceDifficulty(out);
    }
    return out;
  }

  /** client.reconnect (shutdown, network switch); the driver closes after it is written. */
  reconnect(target?: ReconnectTarget): readonly SessionAction[] {
    if (this.#closed) return NO_ACTIONS;
    const out: SessionAction[] = [send(encodeReconnect(target))];
    this.close(out, 'reconnect', false);
    return out;
  }

  /**
   * Moves the session to a new extranonce1 (the pool re-partitions its extranonce space, or
   * moves the port to a network whose jobs need it). A miner that subscribed to
   * extranonce changes gets `mining.set_extranonce`, then the current job as clean work under
   * a new id (NiceHash's extension: the new value applies from the next job); every id it had
   * is void from then on (code 21), as the work it carried was for the old extranonce1. A
   * miner that did not subscribe cannot follow: it gets `client.reconnect`.
   */
  renewExtranonce(): readonly SessionAction[] {
    const old = this.#lease;
    if (this.#closed || old === undefined) return NO_ACTIONS;
    if (!this.#extranonceSubscribed) return this.reconnect();
    const { extranonces, policy, counters, logger } = this.deps;
    const next = extranonces.allocate(undefined);
    if (next === undefined) return this.reconnect();
    extranonces.release(old.hex);
    this.#lease = next;
    this.judge.bind(next);
    this.difficulty.forgetJobs();
    counters.extranonceChanges++;
    logger.info({ from: old.hex, to: next.hex }, 'extranonce1 renewed');
    const out: SessionAction[] = [send(encodeSetExtranonce(next.hex, policy.extranonce2Size))];
    const job = this.deps.jobs.current();
    if (!this.#live || job === undefined) return out;
    const alias = this.deps.jobs.reissueId();
    this.difficulty.jobSent(alias, job.id);
    out.push(send(this.deps.notifyLines.restart(job, alias)));
    return out;
  }

  /** Gives the extranonce1 back; the driver calls it once the connection is gone. */
  dispose(): void {
    this.#closed = true;
    if (this.#lease !== undefined) this.deps.extranonces.release(this.#lease.hex);
    this.#lease = undefined;
  }

  /**
   * set_difficulty, then the current job again so miners that wait for a notify apply it; the
   * job goes out under a new id, so the id the miner had keeps the difficulty it was sent at.
   */
  announceDifficulty(out: SessionAction[]): void {
    if (!this.#live) return;
    this.deps.counters.difficultyChanges++;
    out.push(send(encodeSetDifficulty(this.difficulty.wire)));
    const job = this.deps.jobs.current();
    if (job === undefined) return;
    const alias = this.deps.jobs.reissueId();
    this.difficulty.jobSent(alias, job.id);
    out.push(send(this.deps.notifyLines.resend(job, alias)));
  }

  close(out: SessionAction[], reason: CloseReason, ban: boolean): void {
    if (this.#closed) return;
    this.#closed = true;
    const banMs = ban ? this.deps.policy.ban.durationMs : undefined;
    this.deps.logger.info({ reason, banMs }, 'closing session');
    out.push({ kind: 'close', reason, banMs });
  }

  #subscribe(request: SubscribeRequest, nowMs: number): readonly SessionAction[] {
    const { policy, counters, extranonces, logger } = this.deps;
    const out: SessionAction[] = [];
    let lease = this.#lease;
    if (lease === undefined) {
      lease = extranonces.allocate(request.sessionId);
      if (lease === undefined) {
        out.push(send(encodeError(request.id, NO_EXTRANONCE)));
        this.close(out, 'no-extranonce', false);
        return out;
      }
      this.#lease = lease;
      this.#userAgent = request.userAgent;
      this.judge.bind(lease);
      counters.subscribes++;
      if (lease.resumed) counters.resumes++;
      logger.info(
        { userAgent: request.userAgent, extranonce1: lease.hex, resumed: lease.resumed },
        'subscribed',
      );
    }
    out.push(
      send(
        encodeSubscribeResult(request.id, {
          subscriptionId: lease.hex,
          extranonce1: lease.hex,
          extranonce2Size: policy.extranonce2Size,
        }),
      ),
    );
    this.#goLive(out, nowMs);
    return out;
  }

  #authorize(request: AuthorizeRequest): readonly SessionAction[] {
    switch (this.workers.begin(request.username)) {
      case 'known':
        return [send(encodeResult(request.id, true))];
      case 'full':
        return [send(encodeError(request.id, TOO_MANY_WORKERS))];
      case 'check':
        return [{ kind: 'check-login', request }];
    }
  }

  #suggest(id: RequestId, d: Difficulty, nowMs: number): readonly SessionAction[] {
    const out: SessionAction[] = [send(encodeResult(id, true))];
    const outcome = this.difficulty.suggest(d, nowMs);
    if (outcome === 'ignored') this.deps.counters.suggestionsIgnored++;
    if (outcome === 'changed') this.announceDifficulty(out);
    return out;
  }

  #goLive(out: SessionAction[], nowMs: number): void {
    if (this.#live || this.#lease === undefined || this.workers.size === 0) return;
    this.#live = true;
    this.difficulty.start(nowMs);
    out.push(send(encodeSetDifficulty(this.difficulty.wire)));
    const job = this.deps.jobs.current();
    if (job === undefined) return;
    this.difficulty.jobSent(job.id);
    out.push(send(this.deps.notifyLines.first(job)));
  }
}
