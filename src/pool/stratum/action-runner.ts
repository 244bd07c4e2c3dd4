import type { Logger } from 'pino';
import type { Clock } from '../../runtime/clock.js';
import { encodeError, encodeResult } from './codec/encode.js';
import type { AuthorizeRequest, RequestId } from './codec/messages.js';
import type { StratumCounters } from './counters.js';
import type { LoginCheck, LoginValidator, ShareSink } from './ports.js';
import type { CloseReason, SessionAction } from './session-actions.js';
import type { StratumSession } from './session.js';

/** What the runner drives: the connection's writes and its end. */
export interface RunnerTarget {
  write(line: string): void;
  close(reason: CloseReason, banMs: number | undefined): void;
  /** More actions wait behind an unfinished record than the limit allows. */
  overflow(): void;
}

export interface RunnerDeps {
  readonly sink: ShareSink;
  readonly logins: LoginValidator;
  readonly clock: Clock;
  readonly counters: StratumCounters;
  readonly logger: Logger;
  readonly maxPending: number;
}

const NOT_RECORDED = { code: 20, message: 'Share not recorded, pool error' } as const;
const LOGIN_FAILED: LoginCheck = { ok: false, message: 'Login check failed, try again later' };

function isPromise<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * Carries out a session's actions in order. A sink or validator that answers synchronously
 * costs no promise; one that answers later holds every wire action behind it (kept in a
 * bounded backlog), so replies leave in request order, `true` only after its record, and a
 * set_difficulty never behind the notify it governs. Blocks and rejected-share counts do
 * not touch the wire and never wait.
 */
export class ActionRunner {
  #backlog: SessionAction[] = [];
  #waiting = false;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly session: StratumSession,
    private readonly target: RunnerTarget,
  ) {}

  run(actions: readonly SessionAction[]): void {
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      if (action.kind === 'block') this.#submitBlock(action.candidate);
      else if (action.kind === 'rejected') this.deps.sink.rejected(action.share);
      else if (this.#waiting) this.#hold(action);
      else this.#perform(action);
    }
  }

  #hold(action: SessionAction): void {
    this.#backlog.push(action);
    if (this.#backlog.length > this.deps.maxPending) this.target.overflow();
  }

  #perform(action: SessionAction): void {
    switch (action.kind) {
      case 'send':
        this.target.write(action.line);
        return;
      case 'close':
        this.target.close(action.reason, action.banMs);
        return;
      case 'record':
        this.#record(action.id, action.share);
        return;
      case 'check-login':
        this.#checkLogin(action.request);
        return;
    }
  }

  #record(id: RequestId, share: Parameters<ShareSink['record']>[0]): void {
    let pending: Promise<void> | void;
    try {
      pending = this.deps.sink.record(share);
    } catch (error) {
      this.#recorded(id, error);
      return;
    }
    if (!isPromise(pending)) {
      this.target.write(encodeResult(id, true));
      return;
    }
    this.#waiting = true;
    pending.then(
      () => this.#resumeAfterRecord(id, undefined),
      (error: unknown) => this.#resumeAfterRecord(id, error ?? 'rejected'),
    );
  }

  #recorded(id: RequestId, error: unknown): void {
    if (error === undefined) {
      this.target.write(encodeResult(id, true));
      return;
    }
    this.deps.counters.recordFailures++;
    this.deps.logger.error({ err: error }, 'share record failed');
    this.target.write(encodeError(id, NOT_RECORDED));
  }

  #checkLogin(request: AuthorizeRequest): void {
    let answer: Promise<LoginCheck> | LoginCheck;
    try {
      answer = this.deps.logins.validateLogin(request.address, request.worker);
    } catch (error) {
      this.#loginFailed(error);
      answer = LOGIN_FAILED;
    }
    if (!isPromise(answer)) {
      this.run(this.session.loginChecked(request, answer, this.deps.clock.nowMs()));
      return;
    }
    this.#waiting = true;
    answer.then(
      (result) => this.#resume(this.session.loginChecked(request, result, this.deps.clock.nowMs())),
      (error: unknown) => {
        this.#loginFailed(error);
        this.#resume(this.session.loginChecked(request, LOGIN_FAILED, this.deps.clock.nowMs()));
      },
    );
  }

  #loginFailed(error: unknown): void {
    this.deps.logger.error({ err: error }, 'login validator failed');
  }

  #resumeAfterRecord(id: RequestId, error: unknown): void {
    this.#waiting = false;
    this.#recorded(id, error);
    this.#resume([]);
  }

  /** An unfinished action settled: what it produced goes first, then the backlog. */
  #resume(next: readonly SessionAction[]): void {
    this.#waiting = false;
    const backlog = this.#backlog;
    this.#backlog = [];
    this.run(next);
    this.run(backlog);
  }

  #submitBlock(candidate: Parameters<ShareSink['submitBlock']>[0]): void {
    const fail = (error: unknown): void => {
      this.deps.logger.error({ err: error, jobId: candidate.jobId }, 'block submission failed');
    };
    try {
      const pending = this.deps.sink.submitBlock(candidate);
      if (isPromise(pending)) pending.catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}
