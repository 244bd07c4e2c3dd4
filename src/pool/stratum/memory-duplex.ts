import { Duplex } from 'node:stream';

export interface DuplexPairOptions {
  /** Bytes a side buffers for its reader before the writer sees backpressure. */
  readonly highWaterMark?: number;
}

/**
 * One end of an in-memory connection. Writes land in the other end's read buffer; when that
 * reader stops reading, the write callback is held, so the writer's `writableLength` grows
 * as a socket's would. Ending one side ends the other's reading, as a TCP FIN does.
 */
class MemoryEnd extends Duplex {
  peer: MemoryEnd | undefined;
  #heldWrite: (() => void) | undefined;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    const peer = this.peer;
    if (peer === undefined || peer.destroyed || peer.readableEnded) {
      callback();
      return;
    }
    if (peer.push(chunk)) callback();
    else peer.#heldWrite = callback;
  }

  override _read(): void {
    const held = this.#heldWrite;
    this.#heldWrite = undefined;
    held?.();
  }

  override _final(callback: () => void): void {
    const peer = this.peer;
    if (peer !== undefined && !peer.destroyed) peer.push(null);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const peer = this.peer;
    if (peer !== undefined && !peer.destroyed) {
      // The peer sees the stream end, then its own side closes: what a reset socket does.
      peer.push(null);
      peer.destroy();
    }
    this.#heldWrite?.();
    callback(error);
  }
}

/** Two connected duplex streams: what one writes, the other reads. */
export function createDuplexPair(options: DuplexPairOptions = {}): [Duplex, Duplex] {
  const hwm = options.highWaterMark ?? 16 * 1024;
  const a = new MemoryEnd({ allowHalfOpen: false, highWaterMark: hwm });
  const b = new MemoryEnd({ allowHalfOpen: false, highWaterMark: hwm });
  a.peer = b;
  b.peer = a;
  return [a, b];
}
