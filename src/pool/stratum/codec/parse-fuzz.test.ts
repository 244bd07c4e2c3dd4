import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRATUM_ERRORS } from './error-codes.js';
import type { ParseError, RequestId, ServerParseResult, ParseResult } from './messages.js';
import { parseServerLine } from './parse-server.js';
import { parseStratumLine } from './parse.js';

const REQUEST_METHODS = [
  'mining.subscribe',
  'mining.authorize',
  'mining.submit',
  'mining.configure',
  'mining.suggest_difficulty',
  'mining.suggest_target',
  'mining.extranonce.subscribe',
  'mining.get_transactions',
  'mining.multi_version',
];
const SERVER_METHODS = [
  'mining.notify',
  'mining.set_difficulty',
  'mining.set_extranonce',
  'mining.set_version_mask',
  'client.reconnect',
  'client.show_message',
  'client.get_version',
];
const SERVER_KINDS = [
  'response',
  'notify',
  'set-difficulty',
  'set-extranonce',
  'set-version-mask',
  'reconnect',
  'show-message',
  'unknown-notification',
];
const CODE_OF_REASON: Readonly<Record<ParseError['reason'], number>> = {
  'invalid-json': STRATUM_ERRORS.parseError.code,
  'invalid-request': STRATUM_ERRORS.invalidRequest.code,
  'unknown-method': STRATUM_ERRORS.methodNotFound.code,
  'invalid-params': STRATUM_ERRORS.invalidParams.code,
};

/** Strings of any code point, lone surrogates included (what a bad UTF-16 producer makes). */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 120 })
  .map((cps) => String.fromCodePoint(...cps));

/** Values that look like params: hex, masks, numbers at the edges, and any JSON. */
const paramValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 70 }),
  fc.constantFrom(0, -1, 0.5, 1e308, 65535, 65536, '', null, '3333', 'ffffffff', '__proto__'),
  fc.dictionary(
    fc.constantFrom(
      'version-rolling.mask',
      'version-rolling.min-bit-count',
      'minimum-difficulty.value',
      'info.hw-id',
      'info.__proto__',
      'info.',
      '__proto__',
    ),
    fc.jsonValue({ maxDepth: 1 }),
  ),
  fc.array(
    fc.constantFrom('version-rolling', 'minimum-difficulty', 'subscribe-extranonce', 'info', 'x'),
  ),
);

/** Values a real line would carry in some position, so random arrays are often nearly valid. */
const plausibleParam = fc.constantFrom<unknown>(
  'addr.rig1',
  '1c',
  '00000000',
  '5f5e1000',
  '1fffe000',
  'cpuminer/2.5.1',
  '4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000',
  ['4d16b6f85af6e2198f44ae2a6de67f78487ae5611b77c6c0440b921e00000000'],
  [],
  4,
  2,
  1024,
  true,
  false,
  null,
  ['version-rolling', 'minimum-difficulty', 'info'],
  { 'version-rolling.mask': '1fffe000', 'minimum-difficulty.value': 8, 'info.hw-id': 'x' },
);

/** Objects shaped like Stratum lines, so the fuzz reaches the per-method readers. */
const messageShaped = fc
  .record(
    {
      id: fc.oneof(
        {
          arbitrary: fc.oneof(fc.integer(), fc.string({ maxLength: 70 }), fc.constant(null)),
          weight: 5,
        },
        { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
      ),
      method: fc.oneof(
        { arbitrary: fc.constantFrom(...REQUEST_METHODS, ...SERVER_METHODS), weight: 8 },
        { arbitrary: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })), weight: 1 },
      ),
      params: fc.oneof(
        { arbitrary: fc.array(fc.oneof(plausibleParam, paramValue), { maxLength: 10 }), weight: 8 },
        { arbitrary: paramValue, weight: 1 },
      ),
      result: fc.jsonValue({ maxDepth: 2 }),
      error: fc.oneof(
        fc.tuple(fc.jsonValue({ maxDepth: 0 }), fc.jsonValue({ maxDepth: 0 })),
        fc.jsonValue({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  )
  .map((o) => JSON.stringify(o));

const anyLine = fc.oneof(
  { arbitrary: anyText, weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }), weight: 1 },
  { arbitrary: fc.json({ maxDepth: 4 }), weight: 1 },
  { arbitrary: messageShaped, weight: 6 },
  // Cut-off JSON: what a line looks like when a peer's buffer is split badly.
  {
    arbitrary: fc.tuple(messageShaped, fc.nat()).map(([s, n]) => s.slice(0, n % (s.length + 1))),
    weight: 1,
  },
);

function isRequestId(id: unknown): id is RequestId {
  return id === null || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

function expectWellFormedError(error: ParseError): void {
  expect(error.code).toBe(CODE_OF_REASON[error.reason]);
  expect(error.message.length).toBeGreaterThan(0);
  expect(isRequestId(error.id)).toBe(true);
}

describe('parsers under arbitrary input', () => {
  it('parseStratumLine never throws and returns a known request or a coded error', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const result: ParseResult = parseStratumLine(line);

        if (result.ok) {
          expect(REQUEST_METHODS).toContain(result.request.method);
          expect(isRequestId(result.request.id)).toBe(true);
        } else {
          expectWellFormedError(result.error);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parseServerLine never throws and returns a known message kind or a coded error', () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const result: ServerParseResult = parseServerLine(line);

        if (result.ok) expect(SERVER_KINDS).toContain(result.message.kind);
        else expectWellFormedError(result.error);
      }),
      { numRuns: 2000 },
    );
  });

  it('a refused request keeps the id whenever the id itself was readable', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.string({ maxLength: 64 })),
        fc.jsonValue({ maxDepth: 2 }),
        (id, params) => {
          const line = JSON.stringify({ id, method: 'mining.submit', params });

          const result = parseStratumLine(line);

          expect(result.ok ? result.request.id : result.error.id).toBe(id);
        },
      ),
    );
  });
});
