import { ChimeraError } from '../../../errors.js';

export type SplitEvent =
  | { readonly kind: 'line'; readonly text: string }
  /** A line grew past the limit; `bytes` is its length when that was noticed. */
  | { readonly kind: 'oversize'; readonly bytes: number };

/** Real Stratum requests are a few hundred bytes; 16 KiB leaves room for odd user agents. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const FIRST_CAPACITY = 256;

/**
 * Cuts a byte stream into `\n`-terminated UTF-8 lines. A line's length is counted in bytes
 * before the `\n` (a `\r` before it counts, then is dropped from the text). Bytes of a
 * partial line are copied into storage owned here, never more than `maxLineBytes`, so a
 * socket's read buffer is not kept alive and a peer that never sends `\n` costs at most the
 * limit. Invalid UTF-8 decodes to U+FFFD and is left for the parser to refuse.
 */
export class LineSplitter {
  readonly maxLineBytes: number;
  #pending: Buffer = Buffer.alloc(0);
  #pendingLength = 0;
  /** Inside a line already reported as oversize: drop bytes until its `\n`. */
  #discarding = false;

  constructor(maxLineBytes: number = DEFAULT_MAX_LINE_BYTES) {
    if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) {
      throw new ChimeraError('STRATUM_LINE_LIMIT', `maxLineBytes must be a positive integer`, {
        maxLineBytes,
      });
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes of an unfinished line held right now (always <= maxLineBytes). */
  get bufferedBytes(): number {
    return this.#pendingLength;
  }

  /** Bytes of storage kept for partial lines (always <= maxLineBytes), for memory metrics. */
  get retainedBytes(): number {
    return this.#pending.length;
  }

  push(chunk: Uint8Array): SplitEvent[] {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const events: SplitEvent[] = [];
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(LF, start);
      const end = nl === -1 ? buf.length : nl;
      if (this.#discarding) {
        if (nl === -1) break;
        this.#discarding = false;
      } else {
        const total = this.#pendingLength + (end - start);
        if (total > this.maxLineBytes) {
          events.push({ kind: 'oversize', bytes: total });
          this.#pendingLength = 0;
          this.#discarding = nl === -1;
        } else if (nl === -1) {
          this.#append(buf, start, end);
        } else if (this.#pendingLength === 0) {
          pushLine(events, buf, start, end);
        } else {
          this.#append(buf, start, end);
          pushLine(events, this.#pending, 0, this.#pendingLength);
          this.#pendingLength = 0;
        }
      }
      if (nl === -1) break;
      start = nl + 1;
    }
    return events;
  }

  /** The stream ended: a last line without `\n` still counts. Resets the splitter. */
  end(): SplitEvent[] {
    const events: SplitEvent[] = [];
    if (this.#pendingLength > 0) pushLine(events, this.#pending, 0, this.#pendingLength);
    this.#pendingLength = 0;
    this.#discarding = false;
    return events;
  }

  #append(src: Buffer, start: number, end: number): void {
    const needed = this.#pendingLength + (end - start);
    if (needed > this.#pending.length) {
      let capacity = Math.max(this.#pending.length * 2, FIRST_CAPACITY);
      while (capacity < needed) capacity *= 2;
      const grown = Buffer.alloc(Math.min(capacity, this.maxLineBytes));
      this.#pending.copy(grown, 0, 0, this.#pendingLength);
      this.#pending = grown;
    }
    src.copy(this.#pending, this.#pendingLength, start, end);
    this.#pendingLength = needed;
  }
}

function pushLine(events: SplitEvent[], buf: Buffer, start: number, end: number): void {
  const stop = end > start && buf[end - 1] === CR ? end - 1 : end;
  if (stop > start) events.push({ kind: 'line', text: buf.toString('utf8', start, stop) });
}
