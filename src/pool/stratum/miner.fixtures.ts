import type { Duplex } from 'node:stream';
import { hashToBigInt } from '../core/bytes.js';
import { difficultyFrom, targetFromDifficulty } from '../core/difficulty/difficulty.js';
import { sha256d } from '../core/hash.js';
import { sha256dHasher } from '../core/shares/share.fixtures.js';
import { readSubscribeResult } from './codec/client-results.js';
import { encodeAuthorizeRequest, encodeSubscribeRequest } from './codec/encode-requests.js';
import { LineSplitter } from './codec/line-splitter.js';
import type { NotifyFields, ServerMessage } from './codec/messages.js';
import { parseServerLine } from './codec/parse-server.js';

/** The miner's side in tests: headers built from notify text, grinding, a stream client. */

/** The 80-byte header a miner builds from notify text and its extranonces (as cpuminer does). */
export function headerFromNotify(
  n: NotifyFields,
  extranonce1: string,
  extranonce2: string,
  ntime: string,
  nonce: string,
  version: string = n.version,
): Buffer {
  const coinbase = Buffer.from(n.coinb1 + extranonce1 + extranonce2 + n.coinb2, 'hex');
  let root = sha256d(coinbase);
  for (const step of n.merkleBranch) {
    root = sha256d(Buffer.concat([root, Buffer.from(step, 'hex')]));
  }
  const le32 = (hex: string): Buffer => Buffer.from(hex, 'hex').reverse();
  const prev = Buffer.from(n.prevHash, 'hex').swap32();
  return Buffer.concat([le32(version), prev, root, le32(ntime), le32(n.nbits), le32(nonce)]);
}

export interface GroundShare {
  readonly extranonce2: string;
  readonly ntime: string;
  readonly nonce: string;
}

/**
 * Grinds nonces from `startNonce` until the share meets (or, with `want: 'miss'`, misses)
 * `difficulty`, judged miner-side from the notify text alone.
 */
export function grind(
  n: NotifyFields,
  extranonce1: string,
  extranonce2: string,
  difficulty: number | string,
  want: 'meet' | 'miss' = 'meet',
  startNonce = 0,
): GroundShare {
  const target = targetOf(difficulty);
  const meet = want === 'meet';
  return grindWhere(n, extranonce1, extranonce2, (hash) => hash <= target === meet, startNonce);
}

export function targetOf(difficulty: number | string): bigint {
  return targetFromDifficulty(sha256dHasher.diff1Target, difficultyFrom(difficulty));
}

/** Grinds nonces until the share's hash (as a number) satisfies `accept`. */
export function grindWhere(
  n: NotifyFields,
  extranonce1: string,
  extranonce2: string,
  accept: (hash: bigint) => boolean,
  startNonce = 0,
): GroundShare {
  // The coinbase and merkle root do not depend on the nonce: build the header once.
  const header = headerFromNotify(n, extranonce1, extranonce2, n.ntime, '00000000');
  for (let i = startNonce; i < startNonce + 1_000_000; i++) {
    const nonce = i >>> 0;
    header.writeUInt32LE(nonce, 76);
    if (accept(hashToBigInt(sha256d(header)))) {
      return { extranonce2, ntime: n.ntime, nonce: nonce.toString(16).padStart(8, '0') };
    }
  }
  throw new Error('no share in 1e6 nonces');
}

export type NotifyMessage = Extract<ServerMessage, { kind: 'notify' }>;

/** A miner's end of a stream: sends lines, reads what the pool says, in order. */
export class TestMiner {
  readonly received: ServerMessage[] = [];
  readonly rawLines: string[] = [];
  /** Lines from the pool that did not parse: always empty for a correct pool. */
  readonly unreadable: string[] = [];
  #read = 0;
  #closed = false;
  #wake: (() => void) | undefined;
  readonly #splitter = new LineSplitter(1 << 20);

  constructor(readonly stream: Duplex) {
    stream.on('data', (chunk: Buffer) => {
      for (const e of this.#splitter.push(chunk)) {
        if (e.kind !== 'line') continue;
        this.rawLines.push(e.text);
        const parsed = parseServerLine(e.text);
        if (parsed.ok) this.received.push(parsed.message);
        else this.unreadable.push(e.text);
      }
      this.#poke();
    });
    stream.on('close', () => {
      this.#closed = true;
      this.#poke();
    });
    stream.on('error', () => undefined);
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(line: string): void {
    this.stream.write(line);
  }

  /** The next message not read yet; rejects if the stream closes first. */
  async next(): Promise<ServerMessage> {
    for (;;) {
      const m = this.received[this.#read];
      if (m !== undefined) {
        this.#read++;
        return m;
      }
      if (this.#closed) throw new Error('stream closed while waiting for a message');
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  /** Reads messages in order until one matches; returns it. */
  async until(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    for (;;) {
      const m = await this.next();
      if (match(m)) return m;
    }
  }

  async response(id: number | string): Promise<Extract<ServerMessage, { kind: 'response' }>> {
    const m = await this.until((x) => x.kind === 'response' && x.id === id);
    if (m.kind !== 'response') throw new Error('unreachable');
    return m;
  }

  /**
   * subscribe (with a user agent, as cpuminer does) and authorize; returns the extranonce1,
   * the difficulty and the first notify, checking set_difficulty came first.
   */
  async handshake(
    user = 'addr1.rig1',
  ): Promise<{ extranonce1: string; difficulty: number; notify: NotifyMessage }> {
    this.send(encodeSubscribeRequest(1, { userAgent: 'cpuminer/2.5.1' }));
    const sub = readSubscribeResult((await this.response(1)).result);
    if (sub === undefined) throw new Error('unreadable subscribe result');
    this.send(encodeAuthorizeRequest(2, user, 'x'));
    const auth = await this.response(2);
    if (auth.result !== true) throw new Error(`authorize refused: ${JSON.stringify(auth.error)}`);
    const diff = await this.next();
    const notify = await this.next();
    if (diff.kind !== 'set-difficulty' || notify.kind !== 'notify') {
      throw new Error(`expected set_difficulty then notify, got ${diff.kind}, ${notify.kind}`);
    }
    return { extranonce1: sub.extranonce1, difficulty: diff.difficulty, notify };
  }

  /** Resolves once the pool closed the stream. */
  async closedByPool(): Promise<void> {
    while (!this.#closed) await new Promise<void>((resolve) => (this.#wake = resolve));
  }

  #poke(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
