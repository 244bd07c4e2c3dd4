import type { Duplex } from 'node:stream';
import { LineSplitter, parseServerLine } from '../../../pool/stratum/codec/index.js';
import type { ServerMessage } from '../../../pool/stratum/codec/index.js';

/** Pools send notifies of a few kB; a line of 1 MiB is a broken pool, not a big job. */
const MAX_SERVER_LINE_BYTES = 1 << 20;

export interface ChannelListener {
  /** `receivedAtMs`: when the bytes were read from the stream, before any of them was handled. */
  message(message: ServerMessage, receivedAtMs: number): void;
  /** A line from the pool that is not Stratum: counted, never fatal. */
  unreadable(text: string): void;
  /**
   * The stream is gone, whoever ended it. Called once, with what ended it as the stream told:
   * an error code (ECONNRESET, EPIPE...), 'end' (the peer closed its side) or 'closed'.
   */
  closed(cause: string): void;
}

/**
 * A miner's end of one connection: cuts the pool's bytes into lines, parses them, and
 * writes the miner's lines. Works on any duplex (a TCP socket, an in-memory pair).
 */
export class LineChannel {
  readonly #splitter = new LineSplitter(MAX_SERVER_LINE_BYTES);
  #closed = false;
  #cause: string | undefined;

  constructor(
    private readonly stream: Duplex,
    private readonly listener: ChannelListener,
    /** What send and receive times are taken on (the latency clock). */
    private readonly clock: () => number,
  ) {
    stream.on('data', (chunk: Buffer) => {
      // Stamped before any line is handled: what the miner does with one line (a job, a
      // share ground at once) must not count as the pool's time to answer the next.
      const receivedAtMs = clock();
      for (const event of this.#splitter.push(chunk)) {
        if (event.kind !== 'line') continue;
        const parsed = parseServerLine(event.text);
        if (parsed.ok) listener.message(parsed.message, receivedAtMs);
        else listener.unreadable(event.text);
      }
    });
    // A reset (ECONNRESET) is how many pools drop a miner; it ends the channel like a close.
    stream.on('error', (error: NodeJS.ErrnoException) => {
      this.#cause ??= error.code ?? error.message;
    });
    stream.on('end', () => {
      this.#cause ??= 'end';
      stream.destroy();
    });
    stream.on('close', () => this.#onClose());
  }

  get open(): boolean {
    return !this.#closed;
  }

  /**
   * Writes when the stream is still open; returns whether it was. `written` gets the time the
   * bytes left for the peer: at once when the stream took them, or when it flushed them after
   * what was queued ahead (a peer that does not read, a full socket buffer).
   */
  send(data: string | Buffer, written?: (atMs: number) => void): boolean {
    if (this.#closed || this.stream.destroyed || this.stream.writableEnded) return false;
    const atMs = this.clock();
    let queued = false;
    this.stream.write(
      data,
      written === undefined ? undefined : () => void (queued && written(this.clock())),
    );
    queued = this.stream.writableLength > 0;
    if (!queued) written?.(atMs);
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
    this.listener.closed(this.#cause ?? 'closed');
  }
}
