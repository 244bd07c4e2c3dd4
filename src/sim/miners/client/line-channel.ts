import type { Duplex } from 'node:stream';
import { LineSplitter, parseServerLine } from '../../../pool/stratum/codec/index.js';
import type { ServerMessage } from '../../../pool/stratum/codec/index.js';

/** Pools send notifies of a few kB; a line of 1 MiB is a broken pool, not a big job. */
const MAX_SERVER_LINE_BYTES = 1 << 20;

export interface ChannelListener {
  message(message: ServerMessage): void;
  /** A line from the pool that is not Stratum: counted, never fatal. */
  unreadable(text: string): void;
  /** The stream is gone, whoever ended it. Called once. */
  closed(): void;
}

/**
 * A miner's end of one connection: cuts the pool's bytes into lines, parses them, and
 * writes the miner's lines. Works on any duplex (a TCP socket, an in-memory pair).
 */
export class LineChannel {
  readonly #splitter = new LineSplitter(MAX_SERVER_LINE_BYTES);
  #closed = false;

  constructor(
    private readonly stream: Duplex,
    private readonly listener: ChannelListener,
  ) {
    stream.on('data', (chunk: Buffer) => {
      for (const event of this.#splitter.push(chunk)) {
        if (event.kind !== 'line') continue;
        const parsed = parseServerLine(event.text);
        if (parsed.ok) listener.message(parsed.message);
        else listener.unreadable(event.text);
      }
    });
    // A reset (ECONNRESET) is how many pools drop a miner; it ends the channel like a close.
    stream.on('error', () => undefined);
    stream.on('end', () => stream.destroy());
    stream.on('close', () => this.#onClose());
  }

  get open(): boolean {
    return !this.#closed;
  }

  /** Writes when the stream is still open; returns whether it was. */
  send(data: string | Buffer): boolean {
    if (this.#closed || this.stream.destroyed || this.stream.writableEnded) return false;
    this.stream.write(data);
    return true;
  }

  /** Ends after what was written, then releases the stream. */
  close(): void {
    if (this.#closed) return;
    this.stream.end(() => this.stream.destroy());
  }

  destroy(): void {
    this.stream.destroy();
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.listener.closed();
  }
}
