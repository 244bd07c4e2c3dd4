import { connect, type Socket } from 'node:net';
import {
  encodeAuthorizeRequest,
  encodeSubscribeRequest,
  parseServerLine,
  readSubscribeResult,
  type NotifyFields,
  type ServerMessage,
} from '../../src/pool/stratum/index.js';
import { readSubmitReply } from './reply-parser.js';
import { SubmitLines } from './submit-lines.js';

/** An answer to one submit, with when it was sent (performance.now() ms). */
export type ReplyListener = (
  miner: MinerConnection,
  accepted: boolean,
  sentAtMs: number,
  line: string,
) => void;

const SUBSCRIBE_ID = 1;
const AUTHORIZE_ID = 2;
const ignore: ReplyListener = () => undefined;

interface Handshake {
  extranonce1?: string;
  authorized?: boolean;
  difficulty?: number;
  notify?: NotifyFields;
}

/**
 * One virtual miner on a real TCP connection: subscribe and authorize as cpuminer does, then
 * submit shares on command and hand each answer, with its send time, to `onReply`.
 */
export class MinerConnection {
  onReply: ReplyListener = ignore;
  /** Answers whose id was not the oldest unanswered one (the pool answers in order). */
  outOfOrder = 0;
  #lines!: SubmitLines;
  #buffer = '';
  #nextId = AUTHORIZE_ID + 1;
  #nonce = 0;
  readonly #sentAt: number[] = [];
  #head = 0;

  private constructor(readonly socket: Socket) {}

  /** Connects and completes the handshake; rejects with a short reason. */
  static open(port: number, worker: string, timeoutMs: number): Promise<MinerConnection> {
    const socket = connect({ host: '127.0.0.1', port, noDelay: true });
    socket.setEncoding('latin1');
    const miner = new MinerConnection(socket);
    return new Promise((resolve, reject) => {
      const hs: Handshake = {};
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail('handshake-timeout'), timeoutMs);
      const onData = (chunk: string): void => {
        for (const line of miner.#cut(chunk)) miner.#readHandshake(hs, parseServerLine(line));
        if (hs.authorized === false) return fail('authorize-refused');
        const { extranonce1, difficulty, notify } = hs;
        if (!hs.authorized || extranonce1 === undefined || difficulty === undefined) return;
        if (notify === undefined) return;
        clearTimeout(timer);
        socket.off('data', onData).off('close', onClose).off('error', onError);
        miner.#lines = new SubmitLines({ worker, extranonce1, difficulty, notify });
        if (!miner.#lines.isSolution(0)) return fail('share-not-a-solution');
        socket.on('data', miner.#onData).on('error', () => undefined);
        resolve(miner);
      };
      const onClose = (): void => fail('closed-before-handshake');
      const onError = (error: NodeJS.ErrnoException): void => fail(error.code ?? error.message);
      socket.on('data', onData).on('close', onClose).on('error', onError);
      socket.once('connect', () => {
        socket.write(
          encodeSubscribeRequest(SUBSCRIBE_ID, { userAgent: 'chimera-bench/1.0' }) +
            encodeAuthorizeRequest(AUTHORIZE_ID, worker, 'x'),
        );
      });
    });
  }

  get unanswered(): number {
    return this.#sentAt.length - this.#head;
  }

  /** Sends `count` new shares in one write. */
  submit(count: number): void {
    let text = '';
    const now = performance.now();
    for (let i = 0; i < count; i++) {
      text += this.#lines.line(this.#nextId++, this.#nonce++);
      this.#sentAt.push(now);
    }
    this.socket.write(text);
  }

  close(): void {
    this.socket.destroy();
  }

  #cut(chunk: string): string[] {
    const text = this.#buffer + chunk;
    const lines = text.split('\n');
    this.#buffer = lines.pop() ?? '';
    return lines;
  }

  #readHandshake(hs: Handshake, parsed: ReturnType<typeof parseServerLine>): void {
    if (!parsed.ok) return;
    const m: ServerMessage = parsed.message;
    if (m.kind === 'response' && m.id === SUBSCRIBE_ID) {
      hs.extranonce1 = readSubscribeResult(m.result)?.extranonce1;
    } else if (m.kind === 'response' && m.id === AUTHORIZE_ID) {
      hs.authorized = m.result === true;
    } else if (m.kind === 'set-difficulty') {
      hs.difficulty = m.difficulty;
    } else if (m.kind === 'notify') {
      hs.notify = m;
    }
  }

  readonly #onData = (chunk: string): void => {
    for (const line of this.#cut(chunk)) {
      const reply = readSubmitReply(line);
      if (reply === undefined) {
        this.#readNotification(line);
        continue;
      }
      const sentAt = this.#sentAt[this.#head];
      if (sentAt === undefined) continue;
      if (reply.id !== this.#nextId - this.unanswered) this.outOfOrder++;
      this.#head++;
      if (this.#head === this.#sentAt.length) {
        this.#sentAt.length = 0;
        this.#head = 0;
      }
      this.onReply(this, reply.accepted, sentAt, line);
    }
  };

  /** A new job or difficulty mid-run: later shares follow it, as a miner's would. */
  #readNotification(line: string): void {
    const parsed = parseServerLine(line);
    if (!parsed.ok) return;
    const m = parsed.message;
    const work = this.#lines.work;
    if (m.kind === 'notify') this.#lines = new SubmitLines({ ...work, notify: m });
    if (m.kind === 'set-difficulty')
      this.#lines = new SubmitLines({ ...work, difficulty: m.difficulty });
  }
}
