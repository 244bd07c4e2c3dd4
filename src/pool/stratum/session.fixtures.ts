import { encodeResult } from './codec/encode.js';
import { parseStratumLine } from './codec/parse.js';
import type { ServerMessage } from './codec/messages.js';
import { readSubscribeResult } from './codec/client-results.js';
import {
  encodeAuthorizeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
} from './codec/encode-requests.js';
import { hashToBigInt } from '../core/bytes.js';
import { sha256d } from '../core/hash.js';
import { parseServerLine } from './codec/parse-server.js';
import type { StratumConfigInput } from './config.js';
import { newStratumCounters, type StratumCounters } from './counters.js';
import { createExtranonceAllocator } from './extranonce-allocator.js';
import { NotifyLines } from './notify-lines.js';
import type { ExtranonceAllocator, LoginCheck } from './ports.js';
import { SeenShares } from './seen-shares.js';
import type { CloseReason, SessionAction } from './session-actions.js';
import { StratumSession } from './session.js';
import type { SessionDeps } from './session-deps.js';
import {
  FixedJobSource,
  headerFromNotify,
  type GroundShare,
  MemorySink,
  START_MS,
  poolJob,
  sha256dHasher,
  silentLogger,
  testConfig,
} from './stratum.fixtures.js';

export interface RigShared {
  readonly jobs: FixedJobSource;
  readonly seen: SeenShares;
  readonly extranonces: ExtranonceAllocator;
  readonly counters: StratumCounters;
  readonly sink: MemorySink;
}

export function rigShared(): RigShared {
  return {
    jobs: new FixedJobSource(poolJob('j1', true)),
    seen: new SeenShares(),
    extranonces: createExtranonceAllocator({ size: 4, start: 0x0a000000 }),
    counters: newStratumCounters(),
    sink: new MemorySink(),
  };
}

export interface RigOptions {
  readonly config?: Partial<StratumConfigInput>;
  readonly shared?: RigShared;
  /** Synchronous login answers (the runner is tested on its own for async ones). */
  readonly login?: (address: string) => LoginCheck;
  readonly startMs?: number;
}

/**
 * Drives one StratumSession without a socket: feeds lines, carries out its actions at once
 * (records and login checks answer synchronously) and keeps every line it wrote.
 */
export class SessionRig {
  readonly session: StratumSession;
  readonly shared: RigShared;
  readonly lines: string[] = [];
  readonly actions: SessionAction[] = [];
  nowMs: number;
  closed: { reason: CloseReason; banMs: number | undefined } | undefined;
  readonly #login: (address: string) => LoginCheck;

  constructor(options: RigOptions = {}) {
    this.shared = options.shared ?? rigShared();
    this.nowMs = options.startMs ?? START_MS;
    this.#login =
      options.login ??
      ((a) => (a.startsWith('bad') ? { ok: false, message: 'Invalid address' } : { ok: true }));
    const deps: SessionDeps = {
      policy: testConfig(options.config).session,
      jobs: this.shared.jobs,
      hasher: sha256dHasher,
      extranonces: this.shared.extranonces,
      seen: this.shared.seen,
      notifyLines: new NotifyLines(),
      counters: this.shared.counters,
      logger: silentLogger(),
    };
    this.session = new StratumSession(deps, this.nowMs);
  }

  /** Feeds one line as the connection would; returns the lines written for it. */
  line(text: string): string[] {
    const parsed = parseStratumLine(text);
    return this.run(
      parsed.ok
        ? this.session.handle(parsed.request, this.nowMs)
        : this.session.handleParseError(parsed.error, this.nowMs),
    );
  }

  /** Like `line`, parsed back into messages. */
  say(text: string): ServerMessage[] {
    return this.line(text).map(readLine);
  }

  tick(advanceMs: number): ServerMessage[] {
    this.nowMs += advanceMs;
    return this.run(this.session.tick(this.nowMs)).map(readLine);
  }

  publish(job: ReturnType<typeof poolJob>): ServerMessage[] {
    this.shared.jobs.publish(job);
    this.shared.seen.prune((id) => this.shared.jobs.lookup(id).kind === 'active');
    return this.run(this.session.onJob(job)).map(readLine);
  }

  run(actions: readonly SessionAction[]): string[] {
    const out: string[] = [];
    for (const a of actions) {
      this.actions.push(a);
      switch (a.kind) {
        case 'send':
          out.push(a.line);
          break;
        case 'record':
          void this.shared.sink.record(a.share);
          out.push(encodeResult(a.id, true));
          break;
        case 'check-login':
          out.push(
            ...this.run(
              this.session.loginChecked(a.request, this.#login(a.request.address), this.nowMs),
            ),
          );
          break;
        case 'block':
          void this.shared.sink.submitBlock(a.candidate);
          break;
        case 'rejected':
          this.shared.sink.rejected(a.share);
          break;
        case 'close':
          this.closed = { reason: a.reason, banMs: a.banMs };
          break;
      }
    }
    this.lines.push(...out);
    return out;
  }
}

export function readLine(line: string): ServerMessage {
  const parsed = parseServerLine(line);
  if (!parsed.ok) throw new Error(`unreadable line from the session: ${line}`);
  return parsed.message;
}

/* Helpers for tests that drive a SessionRig. */

export type Notify = Extract<ServerMessage, { kind: 'notify' }>;
export type Response = Extract<ServerMessage, { kind: 'response' }>;

export function response(messages: ServerMessage[], id: number): Response {
  const r = messages.find((m): m is Response => m.kind === 'response' && m.id === id);
  if (r === undefined) throw new Error(`no response to ${id} in ${JSON.stringify(messages)}`);
  return r;
}

export function kinds(messages: ServerMessage[]): string[] {
  return messages.map((m) => (m.kind === 'response' ? `response:${String(m.id)}` : m.kind));
}

/** subscribe + authorize; returns the extranonce1 and the first notify. */
export function goLive(rig: SessionRig, user = 'addr1.rig1'): { en1: string; notify: Notify } {
  const sub = response(rig.say(encodeSubscribeRequest(1, { userAgent: 'cpuminer/2.5.1' })), 1);
  const en1 = readSubscribeResult(sub.result)?.extranonce1;
  const after = rig.say(encodeAuthorizeRequest(2, user, 'secret'));
  const notify = after.find((m): m is Notify => m.kind === 'notify');
  if (en1 === undefined || notify === undefined) throw new Error('handshake failed');
  return { en1, notify };
}

export function submitLine(id: number, n: Notify, s: GroundShare, worker = 'addr1.rig1'): string {
  return encodeSubmitRequest(id, {
    workerName: worker,
    jobId: n.jobId,
    ...s,
    versionBits: undefined,
  });
}

export const en2 = (i: number): string => i.toString(16).padStart(8, '0');

export function hashOf(n: Notify, en1: string, e2: string, nonce: string, version: string): bigint {
  return hashToBigInt(sha256d(headerFromNotify(n, en1, e2, n.ntime, nonce, version)));
}
