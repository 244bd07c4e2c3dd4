const MAX_LINE = 2048;

/**
 * The last lines of a text stream, bounded, for error messages: a daemon that dies at start
 * explains why on its last few lines.
 */
export class LineTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly maxLines = 40) {
    if (!Number.isSafeInteger(maxLines) || maxLines < 1)
      throw new RangeError(`maxLines ${maxLines}`);
  }

  push(chunk: string | Buffer): void {
    const text = this.partial + chunk.toString();
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.keep(line);
    // A runaway line without a newline must not grow without bound either.
    if (this.partial.length > MAX_LINE) {
      this.keep(this.partial);
      this.partial = '';
    }
  }

  text(): string {
    const all = this.partial === '' ? this.lines : [...this.lines, this.partial];
    return all.join('\n');
  }

  private keep(line: string): void {
    if (line.length === 0) return;
    this.lines.push(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}...` : line);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }
}

/** The last `maxLines` lines of a text. */
export function lastLines(text: string, maxLines: number): string {
  const tail = new LineTail(maxLines);
  tail.push(text);
  return tail.text();
}
