import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConfigureResult, readSubscribeResult } from './client-results.js';
import type { ConfigureResult } from './client-results.js';
import {
  encodeConfigureResult,
  encodeError,
  encodeNotify,
  encodeReconnect,
  encodeResult,
  encodeSetDifficulty,
  encodeSetExtranonce,
  encodeSetVersionMask,
  encodeShowMessage,
  encodeSubscribeResult,
} from './encode.js';
import {
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeExtranonceSubscribeRequest,
  encodeGetTransactionsRequest,
  encodeMultiVersionRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
  encodeSuggestTargetRequest,
} from './encode-requests.js';
import type { ConfigureOptions } from './encode-requests.js';
import { LineSplitter } from './line-splitter.js';
import type { ServerMessage, StratumRequest } from './messages.js';
import { parseServerLine } from './parse-server.js';
import { parseStratumLine } from './parse.js';

/** Every encoder's output is one line; the splitter hands it back whole. */
function oneLine(encoded: string): string {
  expect(encoded.endsWith('\n')).toBe(true);
  const events = new LineSplitter(1 << 20).push(Buffer.from(encoded, 'utf8'));
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== 'line') throw new Error('expected one line');
  return event.text;
}

function asRequest(encoded: string): StratumRequest {
  const result = parseStratumLine(oneLine(encoded));
  if (!result.ok) throw new Error(result.error.message);
  return result.request;
}

function asMessage(encoded: string): ServerMessage {
  const result = parseServerLine(oneLine(encoded));
  if (!result.ok) throw new Error(result.error.message);
  return result.message;
}

/** Any code points, lone surrogates included; at most `maxPoints * 2` UTF-16 units. */
const unicode = (minPoints: number, maxPoints: number) =>
  fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { minLength: minPoints, maxLength: maxPoints })
    .map((cps) => String.fromCodePoint(...cps));
const id = fc.oneof(fc.integer(), unicode(0, 32), fc.constant(null));
const text = (max: number) => unicode(1, Math.floor(max / 2));
const hex = (minBytes: number, maxBytes: number) =>
  fc
    .uint8Array({ minLength: minBytes, maxLength: maxBytes })
    .map((b) => Buffer.from(b).toString('hex'));
const positive = fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('miner requests: encode then parse gives back what was encoded', () => {
  it('mining.subscribe', () => {
    fc.assert(
      fc.property(
        id,
        fc.option(text(256), { nil: undefined }),
        fc.option(text(64), { nil: undefined }),
        fc.option(text(255), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (rid, userAgent, sessionId, host, port) => {
          const fields = { userAgent, sessionId, host, port };

          expect(asRequest(encodeSubscribeRequest(rid, fields))).toEqual({
            method: 'mining.subscribe',
            id: rid,
            ...fields,
          });
        },
      ),
    );
  });

  it('mining.authorize, splitting the username at its first dot', () => {
    fc.assert(
      fc.property(
        id,
        fc.array(fc.stringMatching(/^[^.]{1,20}$/), { minLength: 1, maxLength: 4 }),
        fc.option(text(256), { nil: undefined }),
        (rid, parts, password) => {
          const username = parts.join('.');
          const [address, ...rest] = parts;

          expect(asRequest(encodeAuthorizeRequest(rid, username, password))).toEqual({
            method: 'mining.authorize',
            id: rid,
            username,
            address,
            worker: rest.length === 0 ? undefined : rest.join('.'),
            password,
          });
        },
      ),
    );
  });

  it('mining.submit, with and without version bits', () => {
    fc.assert(
      fc.property(
        id,
        fc.record({
          workerName: unicode(0, 128),
          jobId: unicode(0, 32),
          extranonce2: hex(0, 32),
          ntime: hex(4, 4),
          nonce: hex(4, 4),
          versionBits: fc.option(hex(4, 4), { nil: undefined }),
        }),
        (rid, submit) => {
          expect(asRequest(encodeSubmitRequest(rid, submit))).toEqual({
            method: 'mining.submit',
            id: rid,
            ...submit,
          });
        },
      ),
    );
  });

  it('mining.configure with any mix of extensions', () => {
    const known = ['version-rolling', 'minimum-difficulty', 'subscribe-extranonce', 'info'];
    const options: fc.Arbitrary<ConfigureOptions> = fc.record(
      {
        versionRolling: fc.record(
          { mask: u32, minBitCount: fc.integer({ min: 0, max: 32 }) },
          { requiredKeys: ['mask'] },
        ),
        minimumDifficulty: fc
          .double({ min: 0, noNaN: true, noDefaultInfinity: true })
          .map((d) => d + 0),
        subscribeExtranonce: fc.boolean(),
        info: fc.dictionary(
          fc.stringMatching(/^[a-z][a-z-]{0,15}$/).filter((k) => k !== '__proto__'),
          fc.string({ maxLength: 256 }),
          { maxKeys: 4 },
        ),
        otherExtensions: fc.uniqueArray(
          fc.stringMatching(/^x-[a-z]{1,10}$/).filter((k) => !known.includes(k)),
          { maxLength: 8 },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(id, options, (rid, o) => {
        const request = asRequest(encodeConfigureRequest(rid, o));

        const ok = <T>(value: T) => ({ ok: true, value });
        expect(request).toEqual({
          method: 'mining.configure',
          id: rid,
          extensions: [
            ...(o.versionRolling ? ['version-rolling'] : []),
            ...(o.minimumDifficulty !== undefined ? ['minimum-difficulty'] : []),
            ...(o.subscribeExtranonce === true ? ['subscribe-extranonce'] : []),
            ...(o.info ? ['info'] : []),
            ...(o.otherExtensions ?? []),
          ],
          versionRolling: o.versionRolling
            ? ok({ mask: o.versionRolling.mask, minBitCount: o.versionRolling.minBitCount })
            : undefined,
          minimumDifficulty:
            o.minimumDifficulty !== undefined ? ok(o.minimumDifficulty) : undefined,
          subscribeExtranonce: o.subscribeExtranonce === true,
          info: o.info ? ok(o.info) : undefined,
        });
      }),
    );
  });

  it('the one-param requests: suggest_difficulty, suggest_target, get_transactions, multi_version', () => {
    fc.assert(
      fc.property(
        id,
        positive,
        fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }),
        fc.string({ maxLength: 64 }),
        fc.integer({ min: 1, max: 0xffffffff }),
        (rid, difficulty, target, jobId, version) => {
          expect(asRequest(encodeSuggestDifficultyRequest(rid, difficulty))).toEqual({
            method: 'mining.suggest_difficulty',
            id: rid,
            difficulty,
          });
          expect(asRequest(encodeSuggestTargetRequest(rid, target))).toEqual({
            method: 'mining.suggest_target',
            id: rid,
            target,
          });
          expect(asRequest(encodeGetTransactionsRequest(rid, jobId))).toEqual({
            method: 'mining.get_transactions',
            id: rid,
            jobId,
          });
          expect(asRequest(encodeMultiVersionRequest(rid, version))).toEqual({
            method: 'mining.multi_version',
            id: rid,
            version,
          });
          expect(asRequest(encodeExtranonceSubscribeRequest(rid))).toEqual({
            method: 'mining.extranonce.subscribe',
            id: rid,
          });
        },
      ),
    );
  });
});

describe('pool lines: encode then parse gives back what was encoded', () => {
  it('result responses carry any JSON value', () => {
    fc.assert(
      fc.property(id, fc.jsonValue(), (rid, value) => {
        const message = asMessage(encodeResult(rid, value));

        expect(message).toMatchObject({ kind: 'response', id: rid, error: undefined });
        if (message.kind === 'response')
          expect(JSON.stringify(message.result)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('error responses', () => {
    fc.assert(
      fc.property(id, fc.integer(), unicode(0, 80), (rid, code, message) => {
        expect(asMessage(encodeError(rid, { code, message }))).toEqual({
          kind: 'response',
          id: rid,
          result: null,
          error: { code, message },
        });
      }),
    );
  });

  it('subscribe results', () => {
    fc.assert(
      fc.property(
        id,
        fc.string({ maxLength: 32 }),
        hex(0, 16),
        fc.integer({ min: 0, max: 32 }),
        (rid, sid, en1, size) => {
          const message = asMessage(
            encodeSubscribeResult(rid, {
              subscriptionId: sid,
              extranonce1: en1,
              extranonce2Size: size,
            }),
          );

          expect(
            message.kind === 'response' ? readSubscribeResult(message.result) : message,
          ).toEqual({
            subscriptions: [
              ['mining.set_difficulty', sid],
              ['mining.notify', sid],
            ],
            extranonce1: en1,
            extranonce2Size: size,
          });
        },
      ),
    );
  });

  it('configure results', () => {
    const answer = fc.oneof(fc.boolean(), fc.string());
    const result: fc.Arbitrary<ConfigureResult> = fc.record(
      {
        versionRolling: fc.oneof(
          fc.record(
            { mask: u32, minBitCount: fc.integer({ min: 0, max: 32 }) },
            { requiredKeys: ['mask'] },
          ),
          fc.constant(false as const),
          fc.string(),
        ),
        minimumDifficulty: answer,
        subscribeExtranonce: answer,
        info: answer,
        unsupported: fc.uniqueArray(fc.stringMatching(/^x-[a-z_]{1,10}$/), {
          minLength: 1,
          maxLength: 5,
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(id, result, (rid, r) => {
        const message = asMessage(encodeConfigureResult(rid, r));

        expect(message.kind === 'response' ? readConfigureResult(message.result) : message).toEqual(
          r,
        );
      }),
    );
  });

  it('notifications: set_difficulty, notify, set_extranonce, set_version_mask, reconnect, show_message', () => {
    const job = fc.record({
      jobId: fc.string({ maxLength: 64 }),
      prevHash: hex(32, 32),
      coinb1: hex(0, 120),
      coinb2: hex(0, 120),
      merkleBranch: fc.array(hex(32, 32), { maxLength: 14 }),
      version: hex(4, 4),
      nbits: hex(4, 4),
      ntime: hex(4, 4),
      cleanJobs: fc.boolean(),
    });
    const target = fc.option(
      fc.record(
        {
          host: text(255),
          port: fc.integer({ min: 1, max: 65535 }),
          waitSeconds: fc.integer({ min: 0, max: 86_400 }),
        },
        { requiredKeys: ['host', 'port'] },
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        positive,
        job,
        hex(0, 16),
        fc.integer({ min: 0, max: 32 }),
        u32,
        target,
        unicode(0, 200),
        (difficulty, j, en1, size, mask, t, msg) => {
          expect(asMessage(encodeSetDifficulty(difficulty))).toEqual({
            kind: 'set-difficulty',
            difficulty,
          });
          expect(asMessage(encodeNotify(j))).toEqual({ kind: 'notify', ...j });
          expect(asMessage(encodeSetExtranonce(en1, size))).toEqual({
            kind: 'set-extranonce',
            extranonce1: en1,
            extranonce2Size: size,
          });
          expect(asMessage(encodeSetVersionMask(mask))).toEqual({ kind: 'set-version-mask', mask });
          expect(asMessage(encodeReconnect(t))).toEqual({
            kind: 'reconnect',
            host: t?.host,
            port: t?.port,
            waitSeconds: t?.waitSeconds,
          });
          expect(asMessage(encodeShowMessage(msg))).toEqual({ kind: 'show-message', text: msg });
        },
      ),
    );
  });
});
