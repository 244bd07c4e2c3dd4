import type { GroundTruth } from '../truth/ground-truth.js';
import type { SessionRecord, ShareRecord } from '../truth/records.js';
import type { ExpectedResponse, TruthSignal } from './types.js';

/** Whether a pool gave the response a behaviour's catalogue entry asks for. */
export type BehaviourVerdict =
  | { readonly ok: true; readonly evidence: number }
  /** `evidence`: how many records were judged; `problems`: what broke the expectation. */
  | { readonly ok: false; readonly evidence: number; readonly problems: readonly string[] };

/**
 * Judges miners' ground truth against an expected response. Evidence is the number of
 * records the verdict rests on; a verdict on no evidence fails, so a behaviour that never
 * got to misbehave cannot pass.
 */
export function judgeBehaviour(
  expected: ExpectedResponse,
  truths: readonly GroundTruth[],
): BehaviourVerdict {
  // A share the miner itself cut off (by hanging up) has no answer to judge.
  const shares = truths.flatMap((t) => t.shares.filter((sh) => !cutByMiner(t, sh)));
  const sessions = truths.flatMap((t) => t.sessions);
  switch (expected.kind) {
    case 'accept':
      return allOf(shares, (s) => s.answer.kind === 'accepted', describeShare);
    case 'reject': {
      const tagged = shares.filter((s) => s.intent === expected.intent);
      return allOf(tagged, (s) => rejectedWith(s, expected.code), describeShare);
    }
    case 'accept-unless-stale':
      return allOf(
        shares,
        (s) =>
          s.intent === expected.staleIntent
            ? rejectedWith(s, expected.code)
            : s.answer.kind === 'accepted',
        describeShare,
      );
    case 'rate-limit': {
      const tagged = shares.filter((s) => s.intent === expected.intent);
      const limited = tagged.filter((s) => rejectedWith(s, expected.code));
      const problems = [
        ...(limited.length === 0 ? [`no '${expected.intent}' share was refused`] : []),
        ...sessions
          .filter((s) => s.closedBy === 'pool')
          .map((s) => `session ${s.session} of ${s.minerId} was closed by the pool`),
      ];
      return verdict(tagged.length, problems);
    }
    case 'error-then-disconnect':
      return errorThenDisconnect(expected, truths);
    case 'disconnect': {
      const closed = sessions.filter((s) => s.closedAtMs !== undefined);
      const problems = closed
        .filter((s) => s.closedBy !== 'pool')
        .map((s) => `session ${s.session} of ${s.minerId} was not closed by the pool`);
      return verdict(closed.length, problems);
    }
    case 'serve-every-connection': {
      const closed = sessions.filter((s) => s.closedAtMs !== undefined);
      return allOf(
        closed,
        (s) => s.handshake === 'authorized' && s.firstJobAtMs !== undefined,
        (s) => `session ${s.session} of ${s.minerId}: ${s.handshake}, job at ${s.firstJobAtMs}`,
      );
    }
    case 'bounded-difficulty-changes':
      return boundedChanges(truths);
    case 'accept-visible-in-truth':
      return visibleInTruth(expected.signal, shares);
  }
}

function errorThenDisconnect(
  expected: Extract<ExpectedResponse, { kind: 'error-then-disconnect' }>,
  truths: readonly GroundTruth[],
): BehaviourVerdict {
  const problems: string[] = [];
  let evidence = 0;
  for (const t of truths) {
    const lines = t.lines.filter((l) => l.intent === expected.intent);
    const answered = lines.filter((l) => l.answer.kind === 'error' || l.answer.kind === 'result');
    evidence += answered.length;
    for (const l of answered) {
      if (l.answer.kind !== 'error' || l.answer.code !== expected.code) {
        problems.push(`${t.minerId} line ${l.seq} answered ${JSON.stringify(l.answer)}`);
      }
    }
    const session = t.sessions.find((s) => s.session === lines[0]?.session);
    if (session === undefined) continue;
    if (session.closedBy !== 'pool') problems.push(`${t.minerId}: the pool kept the session open`);
    const next = t.sessions.find((s) => s.session === session.session + 1);
    if (expected.ban && next !== undefined && next.handshake === 'authorized') {
      problems.push(`${t.minerId}: reconnected and mined right after (no ban)`);
    }
  }
  if (evidence === 0) problems.push(`no '${expected.intent}' line was answered`);
  return verdict(evidence, problems);
}

/**
 * A pool that follows every suggestion changes the difficulty once per suggestion; one that
 * rate-limits them changes it far less. A quarter of the suggestions is the line drawn.
 */
function boundedChanges(truths: readonly GroundTruth[]): BehaviourVerdict {
  const problems: string[] = [];
  let evidence = 0;
  for (const t of truths) {
    const sent = t.lines.filter((l) => l.intent === 'suggest-abuse');
    evidence += sent.length;
    const unanswered = sent.filter((l) => l.answer.kind === 'unanswered').length;
    if (unanswered > 0) problems.push(`${t.minerId}: ${unanswered} suggestions unanswered`);
    const changes = t.sessions.reduce((n, s) => n + s.difficulties.length, 0);
    if (changes * 4 > sent.length) {
      problems.push(`${t.minerId}: ${changes} difficulty changes for ${sent.length} suggestions`);
    }
    const dropped = t.sessions.filter((s: SessionRecord) => s.closedBy === 'pool');
    if (dropped.length > 0) problems.push(`${t.minerId}: disconnected by the pool`);
  }
  return verdict(evidence, problems);
}

function visibleInTruth(signal: TruthSignal, shares: readonly ShareRecord[]): BehaviourVerdict {
  const sent = shares.filter((s) => s.answer.kind !== 'withheld');
  const refused = sent.filter((s) => s.answer.kind !== 'accepted').map(describeShare);
  switch (signal.kind) {
    case 'withheld-blocks': {
      const withheld = shares.filter((s) => s.answer.kind === 'withheld');
      const problems = [...refused];
      if (withheld.length === 0) problems.push('no block was withheld');
      if (withheld.some((s) => !s.meetsNetworkTarget)) problems.push('withheld a non-block');
      if (sent.some((s) => s.meetsNetworkTarget)) problems.push('sent a block');
      return verdict(shares.length, problems);
    }
    case 'early-in-round': {
      const late = sent
        .filter((s) => s.roundAgeMs === undefined || s.roundAgeMs >= signal.windowMs)
        .map((s) => `share ${s.seq} of ${s.minerId} at round age ${s.roundAgeMs} ms`);
      return verdict(sent.length, [...refused, ...late]);
    }
  }
}

function cutByMiner(t: GroundTruth, share: ShareRecord): boolean {
  if (share.answer.kind !== 'unanswered') return false;
  return t.sessions.find((s) => s.session === share.session)?.closedBy === 'miner';
}

function rejectedWith(s: ShareRecord, code: number): boolean {
  return s.answer.kind === 'rejected' && s.answer.code === code;
}

function describeShare(s: ShareRecord): string {
  return `${s.minerId} share ${s.seq} (${s.intent}): ${JSON.stringify(s.answer)}`;
}

function allOf<T>(
  items: readonly T[],
  ok: (item: T) => boolean,
  describe: (item: T) => string,
): BehaviourVerdict {
  return verdict(items.length, items.filter((i) => !ok(i)).map(describe));
}

function verdict(evidence: number, problems: readonly string[]): BehaviourVerdict {
  const all = evidence === 0 ? [...problems, 'no evidence'] : problems;
  return all.length === 0 ? { ok: true, evidence } : { ok: false, evidence, problems: all };
}
