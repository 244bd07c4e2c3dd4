import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';
import type { SplitEvent } from './line-splitter.js';

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');

function feed(splitter: LineSplitter, chunks: readonly Uint8Array[]): SplitEvent[] {
  const events = chunks.flatMap((c) => splitter.push(c));
  return [...events, ...splitter.end()];
}

/** Cuts `data` at the given offsets (sorted, deduplicated, clamped to the data). */
function cut(data: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (data.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, data.length]) {
    chunks.push(data.subarray(last, p));
    last = p;
  }
  return chunks;
}

/** The splitter's contract written the slow, obvious way, over the whole stream at once. */
function model(data: Uint8Array, max: number): SplitEvent[] {
  const events: SplitEvent[] = [];
  let start = 0;
  for (;;) {
    const nl = data.indexOf(0x0a, start);
    const end = nl === -1 ? data.length : nl;
    const segment = Buffer.from(data.subarray(start, end));
    if (segment.length > max) events.push({ kind: 'oversize', bytes: segment.length });
    else {
      const text = segment.at(-1) === 0x0d ? segment.subarray(0, -1) : segment;
      if (text.length > 0) events.push({ kind: 'line', text: text.toString('utf8') });
    }
    if (nl === -1) return events;
    start = nl + 1;
  }
}

const lines = (events: readonly SplitEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'line' ? [e.text] : []));

/** Bytes rich in the ones that matter here: LF, CR, NUL, and stray UTF-8 lead/continuation bytes. */
const streamBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(0x0a, 0x0d, 0x00, 0xc3, 0xa9, 0xe2, 0xff),
      fc.integer({ min: 0, max: 255 }),
    ),
    {
      maxLength: 400,
    },
  )
  .map((xs) => Uint8Array.from(xs));

describe('LineSplitter', () => {
  it('yields each line of a chunk, tolerating \\r\\n and skipping empty lines', () => {
    const splitter = new LineSplitter(64);

    const events = splitter.push(bytes('{"id":1}\r\n\n\r\n{"id":2}\n'));

    expect(events).toEqual([
      { kind: 'line', text: '{"id":1}' },
      { kind: 'line', text: '{"id":2}' },
    ]);
    expect(splitter.bufferedBytes).toBe(0);
  });

  it('joins a line split across chunks, even inside a multi-byte character and between \\r and \\n', () => {
    const splitter = new LineSplitter(64);
    const data = bytes('{"a":"é€"}\r\n');

    const events = [...data].flatMap((b) => splitter.push(Uint8Array.of(b)));

    expect(events).toEqual([{ kind: 'line', text: '{"a":"é€"}' }]);
  });

  it('reports an over-long line once, drops it, and carries on with the next', () => {
    const splitter = new LineSplitter(8);

    const first = splitter.push(bytes('0123456'));
    const second = splitter.push(bytes('789abc'));
    const third = splitter.push(bytes('def\nok\n'));

    expect(first).toEqual([]);
    expect(second).toEqual([{ kind: 'oversize', bytes: 13 }]);
    expect(third).toEqual([{ kind: 'line', text: 'ok' }]);
    expect(splitter.bufferedBytes).toBe(0);
  });

  it('reports a complete over-long line inside one chunk with its whole length', () => {
    const splitter = new LineSplitter(4);

    const events = splitter.push(bytes('123456789\nab\n'));

    expect(events).toEqual([
      { kind: 'oversize', bytes: 9 },
      { kind: 'line', text: 'ab' },
    ]);
  });

  it('takes a line of exactly the limit, counting a trailing \\r', () => {
    const splitter = new LineSplitter(4);

    const events = splitter.push(bytes('abcd\nabc\r\nabcd\r\n'));

    expect(events).toEqual([
      { kind: 'line', text: 'abcd' },
      { kind: 'line', text: 'abc' },
      { kind: 'oversize', bytes: 5 },
    ]);
  });

  it('passes NUL and invalid UTF-8 through as text for the parser to refuse', () => {
    const splitter = new LineSplitter(64);

    const events = splitter.push(Uint8Array.of(0x7b, 0x00, 0xff, 0xc3, 0x0a));

    expect(events).toEqual([{ kind: 'line', text: '{\u0000\ufffd\ufffd' }]);
  });

  it('gives the last line without a newline at end() and then starts afresh', () => {
    const splitter = new LineSplitter(64);
    splitter.push(bytes('{"id":1}\n{"id"'));

    expect(splitter.end()).toEqual([{ kind: 'line', text: '{"id"' }]);
    expect(splitter.bufferedBytes).toBe(0);
    expect(splitter.push(bytes('x\n'))).toEqual([{ kind: 'line', text: 'x' }]);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new LineSplitter(0)).toThrow(/STRATUM_LINE_LIMIT/);
    expect(() => new LineSplitter(1.5)).toThrow(/STRATUM_LINE_LIMIT/);
  });

  it('never throws and never holds more than the limit, whatever bytes and chunking', () => {
    fc.assert(
      fc.property(
        streamBytes,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 48 }),
        (data, offsets, max) => {
          const splitter = new LineSplitter(max);

          for (const chunk of cut(data, offsets)) {
            splitter.push(chunk);
            expect(splitter.bufferedBytes).toBeLessThanOrEqual(max);
            expect(splitter.retainedBytes).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });

  it('matches the whole-stream model exactly when fed in one chunk', () => {
    fc.assert(
      fc.property(streamBytes, fc.integer({ min: 1, max: 48 }), (data, max) => {
        const events = feed(new LineSplitter(max), [data]);

        expect(events).toEqual(model(data, max));
      }),
    );
  });

  it('gives the same lines and the same number of oversize reports for any chunking', () => {
    fc.assert(
      fc.property(
        streamBytes,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 48 }),
        (data, offsets, max) => {
          const expected = model(data, max);

          const events = feed(new LineSplitter(max), cut(data, offsets));

          expect(lines(events)).toEqual(lines(expected));
          const oversize = events.filter((e) => e.kind === 'oversize');
          expect(oversize).toHaveLength(expected.length - lines(expected).length);
          for (const e of oversize) expect(e.bytes).toBeGreaterThan(max);
        },
      ),
    );
  });

  it('splits a stream of valid lines into those lines at any cut points', () => {
    const codePoint = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xd7ff }),
      fc.integer({ min: 0xe000, max: 0x10ffff }),
    );
    const line = fc
      .array(codePoint, { minLength: 1, maxLength: 30 })
      .map((cps) => String.fromCodePoint(...cps))
      .filter((s) => !s.includes('\n') && !s.endsWith('\r'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n')), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (parts, offsets) => {
          const data = bytes(parts.map(([text, end]) => text + end).join(''));

          const events = feed(new LineSplitter(1024), cut(data, offsets));

          expect(lines(events)).toEqual(parts.map(([text]) => text));
          expect(events.every((e) => e.kind === 'line')).toBe(true);
        },
      ),
    );
  });
});
