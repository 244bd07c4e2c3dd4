import type { Behaviour, BehaviourHooks, ExpectedResponse, MinerContext } from './types.js';
import { Repeat } from './repeat.js';

export interface LineAbuse {
  readonly id: string;
  readonly description: string;
  readonly expected: ExpectedResponse;
  /** Lines sent per session, one every `everyMs`. */
  readonly count: number;
  readonly everyMs: number;
  /** The i-th line (ending in a newline), from the miner's seeded stream. */
  line(ctx: MinerContext, i: number): string | Buffer;
}

/**
 * Sends lines that are not valid Stratum once the session is live, in the first session
 * only (the pool is expected to hang up and may ban), and records the answer each one gets.
 * A pool cannot read an id from them, so it answers with id null.
 */
export function lineAbuse(abuse: LineAbuse): Behaviour {
  return {
    id: abuse.id,
    class: 'malicious',
    description: abuse.description,
    expected: abuse.expected,
    create: (): BehaviourHooks => {
      let repeat: Repeat | undefined;
      let sessions = 0;
      return {
        live(ctx) {
          if (++sessions > 1) return;
          repeat = new Repeat(ctx.scheduler, abuse.everyMs, abuse.count, (i) => {
            if (ctx.client === undefined) return;
            void ctx.sendLine(abuse.line(ctx, i), abuse.id, null);
          });
          repeat.start();
        },
        disconnected: () => repeat?.cancel(),
        stop: () => repeat?.cancel(),
      };
    },
  };
}

/** JSON cut off, mismatched brackets, trailing commas: what a buggy or hostile client sends. */
const BROKEN_JSON: readonly string[] = [
  '{"id": 7, "method": "mining.submit", "params": ["a.b", "1"',
  '{"id": 8, "method": "mining.authorize", "params": ["a.b", "x"]]',
  '{"id": 9, "method": "mining.subscribe", "params": [],}',
  "{'id': 10, 'method': 'mining.subscribe'}",
  'mining.subscribe',
];

export const malformedJson = lineAbuse({
  id: 'malformed-json',
  description: 'sends lines of broken JSON, 30 of them, one every 200 ms',
  expected: { kind: 'error-then-disconnect', intent: 'malformed-json', code: -32700, ban: true },
  count: 30,
  everyMs: 200,
  line: (_ctx, i) => `${BROKEN_JSON[i % BROKEN_JSON.length]!}\n`,
});

/** Bytes that are not UTF-8 text at all (0xff never occurs in UTF-8), cut by newlines. */
export const binaryGarbage = lineAbuse({
  id: 'binary-garbage',
  description: 'sends lines of random binary bytes, 30 of them, one every 200 ms',
  expected: { kind: 'error-then-disconnect', intent: 'binary-garbage', code: -32700, ban: true },
  count: 30,
  everyMs: 200,
  line: (ctx) => {
    const body = ctx.rng.bytes(64).map((b) => (b === 0x0a ? 0x00 : b));
    body[0] = 0xff;
    return Buffer.concat([body, Buffer.from('\n')]);
  },
});

/** Far beyond any sane Stratum line (pools cap lines at a few to tens of kB). */
const OVERSIZE_BYTES = 256 * 1024;

export const oversizedLine = lineAbuse({
  id: 'oversized-line',
  description: 'sends one 256 KiB line once the session is live',
  expected: { kind: 'error-then-disconnect', intent: 'oversized-line', code: -32600, ban: false },
  count: 1,
  everyMs: 100,
  line: () => `{"id":99,"method":"mining.subscribe","params":["${'A'.repeat(OVERSIZE_BYTES)}"]}\n`,
});
