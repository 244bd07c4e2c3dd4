import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { LineSplitter } from './codec/line-splitter.js';
import { encodeError } from './codec/encode.js';
import { parseStratumLine } from './codec/parse.js';
import type { ServerLimits } from './config.js';
import { ActionRunner, type RunnerDeps, type RunnerTarget } from './action-runner.js';
import type { CloseReason, SessionAction } from './session-actions.js';
import type { StratumSession } from './session.js';

/** Who is on the other end: an IP for TCP, any label for an in-memory pair. */
export interface PeerInfo {
  readonly remoteAddress: string;
  readonly remotePort?: number | undefined;
}

/** What a connection needs from its server. */
export interface ConnectionHost extends RunnerDeps {
  readonly limits: ServerLimits;
  ban(remoteAddress: string, untilMs: number): void;
  /** The stream is gone: forget the connection. */
  gone(connection: Connection): void;
}

const LINE_TOO_LONG = { code: -32600, message: 'Line too long' } as const;

/**
 * One byte stream carrying one session: cuts lines, parses them, feeds the session, and
 * writes what it answers. Limits enforced here: the line length (an oversize line is
 * answered with an error, then the connection is closed: the stream is no longer a
 * conversation we can trust, and a real miner never sends one) and the write buffer (a peer
 * that does not read is dropped once its unread output passes maxWriteBufferBytes).
 */
export class Connection implements RunnerTarget {
  readonly runner: ActionRunner;
  readonly #splitter: LineSplitter;
  /** Set once the connection is ending; no more input is read. */
  #closeReason: CloseReason | undefined;
  #closingSinceMs: number | undefined;
  #gone = false;
  /**
   * Lines written in one synchronous run (a chunk of input, a tick, a job, an answer that
   * settled) gather here and leave in one write at its end: one syscall per packet, without
   * cork's writev machinery for the usual single line.
   */
  #batch = '';
  #flushQueued = false;

  constructor(
    private readonly host: ConnectionHost,
    readonly stream: Duplex,
    readonly peer: PeerInfo,
    readonly session: StratumSession,
    readonly logger: Logger,
  ) {
    this.#splitter = new LineSplitter(host.limits.maxLineBytes);
    this.runner = new ActionRunner(host, session, this);
    stream.on('data', this.#onData);
    stream.on('end', this.#onEnd);
    stream.on('error', this.#onError);
    stream.on('close', this.#onClose);
  }

  get closing(): boolean {
    return this.#closeReason !== undefined;
  }

  run(actions: readonly SessionAction[]): void {
    if (actions.length > 0) this.runner.run(actions);
  }

  /** Called from the server's sweep. */
  tick(nowMs: number): void {
    if (this.#closingSinceMs !== undefined) {
      // A peer that neither reads nor closes must not keep a closing connection open.
      if (nowMs - this.#closingSinceMs >= this.host.limits.shutdownGraceMs) this.destroy();
      return;
    }
    this.run(this.session.tick(nowMs));
  }

  write(line: string): void {
    this.#batch += line;
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(this.#flush);
  }

  #send(text: string): void {
    const stream = this.stream;
    if (stream.destroyed || stream.writableEnded) return;
    stream.write(text);
    if (stream.writableLength > this.host.limits.maxWriteBufferBytes) {
      this.#count('slow-reader');
      this.destroy();
    }
  }

  /** Ends after what was written so far reaches the peer; bans when banMs is set. */
  close(reason: CloseReason, banMs: number | undefined): void {
    if (this.#gone || this.#closingSinceMs !== undefined) return;
    this.#flush();
    this.#count(reason);
    const nowMs = this.host.clock.nowMs();
    if (banMs !== undefined) {
      this.host.counters.bans++;
      this.host.ban(this.peer.remoteAddress, nowMs + banMs);
    }
    this.#closingSinceMs = nowMs;
    this.stream.end(() => this.stream.destroy());
  }

  overflow(): void {
    this.#count('output-backlog');
    this.destroy();
  }

  destroy(): void {
    if (!this.stream.destroyed) this.stream.destroy();
  }

  /** Ends the session itself (shutdown): the close waits behind unfinished records. */
  end(reason: CloseReason): void {
    const out: SessionAction[] = [];
    this.session.close(out, reason, false);
    this.run(out);
  }

  readonly #onData = (chunk: Buffer): void => {
    if (this.#closeReason !== undefined) return;
    const events = this.#splitter.push(chunk);
    if (events.length === 0) return;
    const nowMs = this.host.clock.nowMs();
    const { session } = this;
    // Replies gather until the finally below writes them: no microtask per packet.
    this.#flushQueued = true;
    try {
      for (let i = 0; i < events.length && this.#closeReason === undefined; i++) {
        const event = events[i]!;
        if (event.kind === 'oversize') {
          this.host.counters.oversizeLines++;
          const out: SessionAction[] = [{ kind: 'send', line: encodeError(null, LINE_TOO_LONG) }];
          session.close(out, 'oversize-line', false);
          this.run(out);
          break;
        }
        const parsed = parseStratumLine(event.text);
        this.run(
          parsed.ok
            ? session.handle(parsed.request, nowMs)
            : session.handleParseError(parsed.error, nowMs),
        );
      }
    } finally {
      this.#flush();
    }
  };

  readonly #flush = (): void => {
    this.#flushQueued = false;
    const batch = this.#batch;
    this.#batch = '';
    if (batch.length > 0) this.#send(batch);
  };

  readonly #onEnd = (): void => {
    this.#count('peer-closed');
    this.destroy();
  };

  readonly #onError = (error: Error): void => {
    this.#count('socket-error');
    this.logger.debug({ err: error }, 'stream error');
  };

  readonly #onClose = (): void => {
    if (this.#gone) return;
    this.#gone = true;
    this.#count('peer-closed');
    this.session.dispose();
    this.host.gone(this);
  };

  /** The first reason a connection ends for is the one counted. */
  #count(reason: CloseReason): void {
    if (this.#closeReason !== undefined) return;
    this.#closeReason = reason;
    this.host.counters.disconnects[reason]++;
  }
}
