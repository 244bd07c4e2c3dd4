import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToBigInt } from '../core/bytes.js';
import { difficultyToNumber, hashMeetsDifficulty } from '../core/difficulty/difficulty.js';
import { sha256d } from '../core/hash.js';
import {
  encodeAuthorizeRequest,
  encodeConfigureRequest,
  encodeExtranonceSubscribeRequest,
  encodeSubmitRequest,
  encodeSubscribeRequest,
  encodeSuggestDifficultyRequest,
} from './codec/encode-requests.js';
import { readSubscribeResult } from './codec/client-results.js';
import type { NotifyFields, ServerMessage } from './codec/messages.js';
import type { AcceptedShare } from './ports.js';
import { SessionRig, readLine } from './session.fixtures.js';
import {
  grind,
  headerFromNotify,
  poolJob,
  sha256dHasher,
  type GroundShare,
} from './stratum.fixtures.js';

/**
 * Model-based test of the session: any sequence of valid and invalid messages, new jobs and
 * ticks. The model keeps what the miner was told; after each step the session's output is
 * checked against it. Difficulties stay tiny so that grinding a real share is cheap.
 */

type Notify = Extract<ServerMessage, { kind: 'notify' }>;

const CONFIG = {
  difficulty: { start: '0.00000001', min: '0.000000001', max: '0.00000004' },
  submitRate: { perSecond: 1e6, burst: 1_000_000 },
  handshakeTimeoutMs: 300_000,
  idleTimeoutMs: 900_000,
  maxWorkersPerSession: 4,
};
const MAX_PROTOCOL_ERRORS = 20;
const PROTOCOL_CODES = [-32700, -32600, -32601, -32602];

interface Sent {
  readonly jobId: string;
  readonly share: GroundShare;
  readonly worker: string;
}

interface Model {
  subscribed: boolean;
  en1: string | undefined;
  authorized: Set<string>;
  closed: boolean;
  jobs: number;
  active: Set<string>;
  sent: Map<string, Notify>;
  /** The pool job each id sent stands for (a re-send after a difficulty change is an alias). */
  base: Map<string, string>;
  /** The difficulty announced when each id was sent: no share for it is credited above that. */
  sentAt: Map<string, number>;
  current: string;
  /** The miner sent mining.extranonce.subscribe. */
  extranonceSubscribed: boolean;
  accepted: Sent[];
  acceptedKeys: Set<string>;
  lastDifficulty: number | undefined;
  minAnnounced: number;
  protocolErrors: number;
  invalidShares: number;
  nextId: number;
  en2: number;
  elapsedMs: number;
  lastLineMs: number;
}

class Real {
  readonly rig = new SessionRig({ config: CONFIG });
}

/** Runs one line, checks the invariants every step shares, updates the model from output. */
function step(m: Model, r: Real, line: string, id: number | null): ServerMessage[] {
  m.lastLineMs = m.elapsedMs;
  const before = r.rig.actions.length;
  const out = r.rig.line(line).map(readLine);
  const actions = r.rig.actions.slice(before);
  if (m.closed) {
    expect(out).toEqual([]);
    return out;
  }
  // Every request gets exactly one reply, with its id (null when none could be read).
  const replies = out.filter((x) => x.kind === 'response');
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ id });
  observe(m, out);
  for (const a of actions) {
    if (a.kind === 'record') checkAccepted(m, a.share);
    if (a.kind === 'close') {
      m.closed = true;
      if (a.reason === 'protocol-abuse') expect(m.protocolErrors).toBe(MAX_PROTOCOL_ERRORS);
      else if (a.reason === 'invalid-shares') expect(m.invalidShares).toBeGreaterThanOrEqual(50);
      else expect.fail(`unexpected close: ${a.reason}`);
    }
  }
  return out;
}

/** set_difficulty always comes right before a notify, and no notify comes before any. */
function observe(m: Model, out: ServerMessage[]): void {
  out.forEach((x, i) => {
    if (x.kind === 'set-difficulty') {
      m.lastDifficulty = x.difficulty;
      m.minAnnounced = Math.min(m.minAnnounced, x.difficulty);
      expect(out[i + 1]?.kind).toBe('notify');
    }
    if (x.kind === 'notify') {
      expect(m.lastDifficulty).toBeDefined();
      // An id is sent once: a re-send goes under a new id, never the same one again.
      expect(m.sent.has(x.jobId)).toBe(false);
      m.sent.set(x.jobId, x);
      m.base.set(x.jobId, /^j\d+$/.test(x.jobId) ? x.jobId : m.current);
      m.sentAt.set(x.jobId, m.lastDifficulty!);
    }
  });
}

/** An accepted share meets its difficulty miner-side, was sent, is fresh and not a dup. */
function checkAccepted(m: Model, s: AcceptedShare): void {
  expect([...m.base.values()]).toContain(s.jobId);
  expect(m.active.has(s.jobId)).toBe(true);
  expect(difficultyToNumber(s.difficulty)).toBeGreaterThanOrEqual(m.minAnnounced);
  expect(m.authorized.has(`${s.address}${s.worker === '' ? '' : '.'}${s.worker}`)).toBe(true);
}

function keyOf(jobId: string, s: GroundShare): string {
  return `${jobId}|${s.extranonce2.toLowerCase()}|${s.ntime.toLowerCase()}|${s.nonce.toLowerCase()}`;
}

/** What a submit must be answered with, before the share itself is judged. */
function gate(m: Model, worker: string, jobId: string): number | undefined {
  if (!m.subscribed) return 25;
  if (!m.authorized.has(worker)) return 24;
  if (!m.sent.has(jobId) || !m.active.has(m.base.get(jobId)!)) return 21;
  return undefined;
}

function fallbackNotify(r: Real): NotifyFields {
  const job = r.rig.shared.jobs.current()!;
  return { ...job.work.notify, jobId: job.id, cleanJobs: job.cleanJobs };
}

function submitLine(id: number, worker: string, jobId: string, s: GroundShare): string {
  return encodeSubmitRequest(id, { workerName: worker, jobId, ...s, versionBits: undefined });
}

type Cmd = fc.Command<Model, Real>;

const subscribeCmd = (resume: string | null): Cmd => ({
  check: () => true,
  run(m, r) {
    const id = m.nextId++;
    const out = step(m, r, encodeSubscribeRequest(id, { sessionId: resume ?? undefined }), id);
    if (m.closed) return;
    const res = out.find((x) => x.kind === 'response');
    const got = res?.kind === 'response' ? readSubscribeResult(res.result) : undefined;
    expect(got?.extranonce2Size).toBe(4);
    if (m.en1 !== undefined) expect(got?.extranonce1).toBe(m.en1);
    else if (resume !== null) expect(got?.extranonce1).toBe(resume);
    m.en1 = got?.extranonce1;
    m.subscribed = true;
  },
  toString: () => `subscribe(${resume})`,
});
const subscribe = fc.option(fc.stringMatching(/^[0-9a-f]{8}$/)).map(subscribeCmd);

const authorizeCmd = (good: boolean, n: number): Cmd => ({
  check: () => true,
  run(m, r) {
    const id = m.nextId++;
    const user = `${good ? 'addr' : 'bad'}.w${n}`;
    const out = step(m, r, encodeAuthorizeRequest(id, user, 'pw'), id);
    if (m.closed) return;
    const res = out.find((x) => x.kind === 'response');
    if (res?.kind !== 'response') return;
    if (res.result === true) m.authorized.add(user);
    else expect(res.error?.code).toBe(24);
    if (good && m.authorized.size < CONFIG.maxWorkersPerSession) expect(res.result).toBe(true);
  },
  toString: () => `authorize(${good ? 'good' : 'bad'}, w${n})`,
});
const authorize = fc
  .tuple(fc.boolean(), fc.integer({ min: 1, max: 5 }))
  .map(([good, n]) => authorizeCmd(good, n));

const configure = fc
  .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.option(fc.constantFrom(0, 1e-9, 5e-8, 1)))
  .map(([mask, minDiff]): Cmd => ({
    check: () => true,
    run(m, r) {
      const id = m.nextId++;
      const options = minDiff === null ? {} : { minimumDifficulty: minDiff };
      step(m, r, encodeConfigureRequest(id, { versionRolling: { mask }, ...options }), id);
    },
    toString: () => `configure(${mask.toString(16)}, ${minDiff})`,
  }));

const suggest = fc.constantFrom(1e-10, 1e-9, 2e-8, 4e-8, 1).map((d): Cmd => ({
  check: () => true,
  run(m, r) {
    const id = m.nextId++;
    step(m, r, encodeSuggestDifficultyRequest(id, d), id);
  },
  toString: () => `suggest(${d})`,
}));

const extranonceSubscribe: fc.Arbitrary<Cmd> = fc.constant({
  check: () => true,
  run(m, r) {
    const id = m.nextId++;
    step(m, r, encodeExtranonceSubscribeRequest(id), id);
    if (!m.closed) m.extranonceSubscribed = true;
  },
  toString: () => 'extranonce.subscribe',
});

/** The pool moves the session to a new extranonce1: every id sent before is void. */
const renewExtranonce: fc.Arbitrary<Cmd> = fc.constant({
  check: () => true,
  run(m, r) {
    const out = r.rig.run(r.rig.session.renewExtranonce()).map(readLine);
    if (m.closed || !m.subscribed) {
      expect(out).toEqual([]);
      return;
    }
    if (!m.extranonceSubscribed) {
      expect(out.map((x) => x.kind)).toEqual(['reconnect']);
      m.closed = true;
      return;
    }
    const set = out[0];
    if (set?.kind !== 'set-extranonce')
      throw new Error(`expected set_extranonce, got ${set?.kind}`);
    expect(set.extranonce1).not.toBe(m.en1);
    m.en1 = set.extranonce1;
    m.sent.clear();
    m.base.clear();
    m.sentAt.clear();
    const live = m.authorized.size > 0;
    expect(out.map((x) => x.kind)).toEqual(
      live ? ['set-extranonce', 'notify'] : ['set-extranonce'],
    );
    if (live) expect(out[1]).toMatchObject({ kind: 'notify', cleanJobs: true });
    observe(m, out.slice(1));
  },
  toString: () => 'renewExtranonce',
});

const submit = fc
  .tuple(
    fc.constantFrom('good', 'good', 'bad'),
    fc.nat({ max: 4 }).map((n) => n === 0),
    fc.nat(),
  )
  .map(([kind, stranger, pick]): Cmd => ({
    check: () => true,
    run(m, r) {
      const id = m.nextId++;
      const workers = [...m.authorized];
      const worker =
        stranger || workers.length === 0 ? 'stranger.x' : workers[pick % workers.length]!;
      const jobs = [...m.sent.values()];
      const notify = jobs.length === 0 ? fallbackNotify(r) : jobs[pick % jobs.length]!;
      const en1 = m.en1 ?? '00000000';
      const en2 = (m.en2++).toString(16).padStart(8, '0');
      const share =
        kind === 'good'
          ? grind(notify, en1, en2, m.lastDifficulty ?? '0.00000004')
          : grind(notify, en1, en2, '0.000000001', 'miss');
      const out = step(m, r, submitLine(id, worker, notify.jobId, share), id);
      if (m.closed && out.length === 0) return;
      const reply = out.find((x) => x.kind === 'response');
      if (reply?.kind !== 'response') return;
      const expected = gate(m, worker, notify.jobId) ?? (kind === 'good' ? undefined : 23);
      if (expected === undefined) {
        expect(reply.result).toBe(true);
        m.accepted.push({ jobId: notify.jobId, share, worker });
        m.acceptedKeys.add(keyOf(notify.jobId, share));
      } else {
        expect(reply.error?.code).toBe(expected);
        if (expected !== 21) m.invalidShares++;
      }
      // The hash of every accepted share meets the difficulty recorded for it.
      const rec = r.rig.shared.sink.accepted.at(-1);
      if (expected === undefined && rec !== undefined) {
        const hash = hashToBigInt(
          sha256d(headerFromNotify(notify, en1, en2, share.ntime, share.nonce)),
        );
        expect(hashMeetsDifficulty(hash, sha256dHasher.diff1Target, rec.difficulty)).toBe(true);
        expect(rec.jobId).toBe(m.base.get(notify.jobId));
        expect(difficultyToNumber(rec.difficulty)).toBeLessThanOrEqual(m.sentAt.get(notify.jobId)!);
      }
    },
    toString: () => `submit(${kind}, ${stranger ? 'stranger' : 'worker'}, ${pick})`,
  }));

const duplicate = fc.tuple(fc.nat(), fc.boolean()).map(([pick, upper]): Cmd => ({
  check: (m) => m.accepted.length > 0,
  run(m, r) {
    const id = m.nextId++;
    const prior = m.accepted[pick % m.accepted.length]!;
    const share = upper
      ? {
          ...prior.share,
          extranonce2: prior.share.extranonce2.toUpperCase(),
          nonce: prior.share.nonce.toUpperCase(),
        }
      : prior.share;
    const out = step(m, r, submitLine(id, prior.worker, prior.jobId, share), id);
    if (m.closed && out.length === 0) return;
    const reply = out.find((x) => x.kind === 'response');
    const expected = m.active.has(m.base.get(prior.jobId)!) ? 22 : 21;
    expect(reply?.kind === 'response' ? reply.error?.code : undefined).toBe(expected);
    if (expected === 22) m.invalidShares++;
  },
  toString: () => `duplicate(${pick}, ${upper})`,
}));

const newJob = fc.boolean().map((clean): Cmd => ({
  check: () => true,
  run(m, r) {
    const id = `j${++m.jobs + 1}`;
    if (clean) m.active.clear();
    m.active.add(id);
    m.current = id;
    const out = r.rig.publish(poolJob(id, clean));
    if (m.closed || !m.subscribed || m.authorized.size === 0) {
      expect(out).toEqual([]);
      return;
    }
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'notify', jobId: id, cleanJobs: clean });
    observe(m, out);
  },
  toString: () => `newJob(${clean})`,
}));

const unknownMethod = fc
  .constantFrom('mining.capabilities', 'client.get_version', 'x')
  .map((method): Cmd => ({
    check: () => true,
    run(m, r) {
      const id = m.nextId++;
      const out = step(m, r, JSON.stringify({ id, method, params: [] }), id);
      if (!m.closed) expect(out[0]).toMatchObject({ error: { code: -32601 } });
    },
    toString: () => `unknown(${method})`,
  }));

const garbage = fc.string({ maxLength: 40 }).map((text): Cmd => ({
  check: () => true,
  run(m, r) {
    const line = `#${text}`;
    const wasClosed = m.closed;
    m.protocolErrors++;
    const out = step(m, r, line, null);
    if (wasClosed) return;
    const reply = out[0];
    expect(reply?.kind === 'response' && PROTOCOL_CODES.includes(reply.error?.code ?? 0)).toBe(
      true,
    );
  },
  toString: () => `garbage(${JSON.stringify(text)})`,
}));

const tick = fc.integer({ min: 1, max: 120_000 }).map((ms): Cmd => ({
  check: () => true,
  run(m, r) {
    m.elapsedMs += ms;
    const out = r.rig.tick(ms);
    if (m.closed) {
      expect(out).toEqual([]);
      return;
    }
    // Deadlines close without a ban; nothing else closes on a tick.
    const live = m.subscribed && m.authorized.size > 0;
    let reason: string | undefined;
    if (!live && m.elapsedMs >= CONFIG.handshakeTimeoutMs) reason = 'handshake-timeout';
    else if (m.elapsedMs - m.lastLineMs >= CONFIG.idleTimeoutMs) reason = 'idle-timeout';
    expect(r.rig.closed?.reason).toBe(reason);
    if (reason !== undefined) {
      m.closed = true;
      expect(r.rig.closed?.banMs).toBeUndefined();
      return;
    }
    observe(m, out);
  },
  toString: () => `tick(${ms})`,
}));

describe('StratumSession (model-based)', () => {
  it('keeps its invariants under any sequence of messages, jobs and ticks', () => {
    const commands = fc.commands(
      [
        subscribe,
        authorize,
        configure,
        suggest,
        extranonceSubscribe,
        renewExtranonce,
        submit,
        submit,
        submit,
        duplicate,
        newJob,
        unknownMethod,
        garbage,
        tick,
      ],
      { maxCommands: 80, size: 'large' },
    );
    // Most runs start with some of the handshake done, so shares get judged, not just refused.
    const start = fc.constantFrom<Cmd[]>(
      [],
      [subscribeCmd(null)],
      [subscribeCmd(null), authorizeCmd(true, 1)],
      [subscribeCmd(null), authorizeCmd(true, 1)],
    );
    fc.assert(
      fc.property(start, commands, (prefix, cmds) => {
        const setup = () => ({
          model: {
            subscribed: false,
            en1: undefined,
            authorized: new Set<string>(),
            closed: false,
            jobs: 0,
            active: new Set(['j1']),
            sent: new Map(),
            base: new Map<string, string>(),
            sentAt: new Map<string, number>(),
            current: 'j1',
            extranonceSubscribed: false,
            accepted: [],
            acceptedKeys: new Set<string>(),
            lastDifficulty: undefined,
            minAnnounced: Infinity,
            protocolErrors: 0,
            invalidShares: 0,
            nextId: 1,
            en2: 1,
            elapsedMs: 0,
            lastLineMs: 0,
          } satisfies Model,
          real: new Real(),
        });
        fc.modelRun(setup, [...prefix, ...cmds]);
      }),
      { numRuns: 150 },
    );
  });
});
