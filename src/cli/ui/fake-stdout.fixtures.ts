import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';

/**
 * A terminal for tests, after Ink's own `test/helpers/create-stdout.ts`: it keeps every write,
 * says how wide it is, and emits 'resize' when told. Rendered with `debug: true`, each write
 * is one whole frame.
 */
export class FakeStdout extends EventEmitter {
  readonly writes: string[] = [];

  constructor(
    public columns = 100,
    public isTTY = false,
    public rows = 60,
  ) {
    super();
  }

  write(chunk: string | Uint8Array): boolean {
    this.writes.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }

  resize(columns: number): void {
    this.columns = columns;
    this.emit('resize');
  }

  /** The last frame as written, ANSI colours and all (writes of bare escapes skipped). */
  lastFrame(): string {
    return this.writes.findLast((w) => stripVTControlCharacters(w).trim() !== '') ?? '';
  }

  /** The last frame as a person reads it: no escape codes. */
  lastText(): string {
    return stripVTControlCharacters(this.lastFrame());
  }

  /** What Ink's render() asks for. */
  asStream(): NodeJS.WriteStream {
    return this as unknown as NodeJS.WriteStream;
  }
}
