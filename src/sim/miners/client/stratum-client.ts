import type { Duplex } from 'node:stream';
import type { Clock } from '../../../runtime/index.js';
import {
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeExtranonceSubscribeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
  readConfigureResult,
  readSubscribeResult,
  type RequestId,
  type ServerMessage,
  type SubmitFields,
} from '../../../pool/stratum/codec/index.js';
import type { ClientOptions } from './client-options.js';
import { LineChannel } from './line-channel.js';
import { PendingRequests, type Reply } from './pending-requests.js';
import { RequestIds } from './request-ids.js';
import { WorkState, type NotifyOutcome } from './work-state.js';

export type HandshakeStep = 'configure' | 'subscribe' | 'authorize';

/** What the session tells the miner that drives it. */
export interface ClientListener {
  /** Subscribed and authorized: shares may be submitted once a job is there. */
  live(): void;
  job(outcome: NotifyOutcome): void;
  /** The difficulty in force changed (at once or with a notify, per the firmware). */
  difficulty(difficulty: number): void;
  reconnect(target: {
    readonly host: string | undefined;
    readonly port: number | undefined;
    readonly waitSeconds: number | undefined;
  }): void;
  /** The pool refused a handshake step; the session closes. */
  refused(step: HandshakeStep, reply: Reply): void;
  /** The connection ended; `cause` as the stream told (see ChannelListener.closed). */
  closed(cause: string): void;
}

export interface ClientClocks {
  /** The scenario clock (virtual or wall): when things happened. */
  readonly scenario: Clock;
  /** What latency is measured on: monotonic in wall runs, the virtual clock otherwise. */
  readonly latency: () => number;
}

/**
 * How a request ended, with the time from when its bytes left to when the answer was read
 * (not to when the miner's code got round to it).
 */
export interface Answered {
  readonly reply: Reply;
  readonly latencyMs: number;
}

/**
 * The client side of one Stratum v1 connection: the handshake (configure, subscribe,
 * extranonce.subscribe, authorize, suggest_difficulty, as the profile says), the pool's
 * notifications, and requests matched with their answers. It owns no timers: reconnecting
 * and the share clock belong to the miner.
 */
export class StratumClient {
  readonly state: WorkState;
  readonly #channel: LineChannel;
  readonly #pending = new PendingRequests();
  readonly #ids: RequestIds;
  #authorized = false;
  #unreadable = 0;

  constructor(
    stream: Duplex,
    private readonly options: ClientOptions,
    private readonly listener: ClientListener,
    private readonly clocks: ClientClocks,
  ) {
    this.state = new WorkState(options.difficultyTiming);
    this.#ids = new RequestIds(options.requestIds);
    this.#channel = new LineChannel(
      stream,
      {
        message: (m, receivedAtMs) => this.#onMessage(m, receivedAtMs),
        unreadable: () => this.#unreadable++,
        closed: (cause) => {
          this.#pending.abandonAll();
          listener.closed(cause);
        },
      },
      clocks.latency,
    );
  }

  get open(): boolean {
    return this.#channel.open;
  }

  get authorized(): boolean {
    return this.#authorized;
  }

  /** Lines from the pool that were not Stratum (a correct pool sends none). */
  get unreadableLines(): number {
    return this.#unreadable;
  }

  /** Runs the handshake; resolves true once authorized, false when refused or cut off. */
  async handshake(): Promise<boolean> {
    const o = this.options;
    let configured: Promise<Answered> | undefined;
    if (o.versionRolling !== undefined) {
      configured = this.request('mining.configure', (id) =>
        encodeConfigureRequest(id, { versionRolling: o.versionRolling }),
      );
    }
    const subscribed = this.request('mining.subscribe', (id) =>
      encodeSubscribeRequest(id, { userAgent: o.userAgent, sessionId: o.resumeSession }),
    );
    if (configured !== undefined && !this.#readConfigure((await configured).reply)) return false;
    const sub = (await subscribed).reply;
    const result = sub.kind === 'result' ? readSubscribeResult(sub.result) : undefined;
    if (result === undefined) return this.#refuse('subscribe', sub);
    this.state.extranonce1 = result.extranonce1;
    this.state.extranonce2Size = result.extranonce2Size;
    if (o.extranonceSubscribe) {
      void this.request('mining.extranonce.subscribe', encodeExtranonceSubscribeRequest);
    }
    const auth = (
      await this.request('mining.authorize', (id) =>
        encodeAuthorizeRequest(id, o.username, o.password),
      )
    ).reply;
    if (auth.kind !== 'result' || auth.result !== true) return this.#refuse('authorize', auth);
    this.#authorized = true;
    if (o.suggestDifficulty !== undefined) {
      const d = o.suggestDifficulty;
      void this.request('mining.suggest_difficulty', (id) => encodeSuggestDifficultyRequest(id, d));
    }
    this.listener.live();
    return true;
  }

  submit(fields: SubmitFields): Promise<Answered> {
    return this.request('mining.submit', (id) => encodeSubmitRequest(id, fields));
  }

  /** Sends one request line built for the next id and waits for its answer. */
  async request(method: string, line: (id: RequestId) => string): Promise<Answered> {
    return this.#timed(this.#ids.next(method), method, line);
  }

  /**
   * Writes bytes as they are (abuse behaviours). With `answeredAs`, waits for the answer a
   * pool gives under that id (null for lines it cannot read).
   */
  async sendRaw(data: string | Buffer, answeredAs?: RequestId): Promise<Answered | undefined> {
    if (answeredAs !== undefined) return this.#timed(answeredAs, 'raw', () => data);
    if (!this.#channel.send(data)) this.#pending.abandonAll();
    return undefined;
  }

  /** Timed from when the bytes left to when the answer was read off the stream. */
  async #timed(
    id: RequestId,
    method: string,
    line: (id: RequestId) => string | Buffer,
  ): Promise<Answered> {
    let sentAt = this.clocks.latency();
    let answeredAt: number | undefined;
    const waiting = this.#pending.wait(id, method, (atMs) => (answeredAt = atMs));
    const sent = this.#channel.send(line(id), (atMs) => {
      if (answeredAt === undefined) sentAt = atMs;
    });
    if (!sent) this.#pending.abandonAll();
    const reply = await waiting;
    return { reply, latencyMs: Math.max(0, (answeredAt ?? this.clocks.latency()) - sentAt) };
  }

  close(): void {
    this.#channel.close();
  }

  destroy(): void {
    this.#channel.destroy();
  }

  #readConfigure(reply: Reply): boolean {
    if (reply.kind === 'unanswered') return this.#refuse('configure', reply);
    // An error or an unknown method is fine: the miner just does not roll version bits.
    const result = reply.error === undefined ? readConfigureResult(reply.result) : undefined;
    const rolling = result?.versionRolling;
    if (typeof rolling === 'object') {
      this.state.versionMask = (rolling.mask & (this.options.versionRolling?.mask ?? 0)) >>> 0;
    }
    return true;
  }

  #refuse(step: HandshakeStep, reply: Reply): false {
    if (reply.kind === 'result') this.listener.refused(step, reply);
    this.#channel.close();
    return false;
  }

  #onMessage(m: ServerMessage, receivedAtMs: number): void {
    switch (m.kind) {
      case 'response':
        this.#pending.answer(m.id, m.result, m.error, receivedAtMs);
        return;
      case 'set-difficulty':
        if (this.state.setDifficulty(m.difficulty)) this.listener.difficulty(m.difficulty);
        return;
      case 'notify': {
        const outcome = this.state.notify(m, this.clocks.scenario.nowMs());
        if (outcome.difficultyChanged) this.listener.difficulty(this.state.difficulty);
        this.listener.job(outcome);
        return;
      }
      case 'set-extranonce':
        this.state.setExtranonce(m.extranonce1, m.extranonce2Size);
        return;
      case 'set-version-mask':
        this.state.versionMask = (m.mask & (this.options.versionRolling?.mask ?? 0)) >>> 0;
        return;
      case 'reconnect':
        this.listener.reconnect(m);
        return;
      case 'unknown-notification':
        this.#answerServerRequest(m.id, m.method);
        return;
      case 'show-message':
        return;
    }
  }

  /** cgminer answers client.get_version with its user agent; other calls get an error. */
  #answerServerRequest(id: RequestId, method: string): void {
    if (id === null) return;
    const answer =
      method === 'client.get_version'
        ? { id, result: this.options.userAgent, error: null }
        : { id, result: null, error: [-3, 'Method not found', null] };
    this.#channel.send(`${JSON.stringify(answer)}\n`);
  }
}
