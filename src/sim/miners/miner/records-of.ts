import type { SubmitFields } from '../../../pool/stratum/codec/index.js';
import type { FoundShare } from '../behaviours/types.js';
import type { Reply } from '../client/pending-requests.js';
import type { OpenSession } from '../truth/ground-truth.js';
import type { LineRecord, ShareAnswer, ShareRecord } from '../truth/records.js';
import type { Solution } from '../work/search-space.js';

/** The mining.submit fields of a solution, with any of them changed as given. */
export function submitFields(
  s: Solution,
  workerName: string,
  overrides: Partial<SubmitFields>,
): SubmitFields {
  return {
    workerName,
    jobId: s.job.jobId,
    extranonce2: s.extranonce2,
    ntime: s.ntime,
    nonce: s.nonce,
    versionBits: s.versionBits,
    ...overrides,
  };
}

/** A submit's reply as the ground truth keeps it. */
export function answerOf(reply: Reply): ShareAnswer {
  if (reply.kind === 'unanswered') return { kind: 'unanswered' };
  if (reply.error !== undefined) {
    return { kind: 'rejected', code: reply.error.code, message: reply.error.message };
  }
  if (reply.result === true) return { kind: 'accepted' };
  return { kind: 'rejected', code: undefined, message: JSON.stringify(reply.result) ?? 'null' };
}

export function lineAnswerOf(reply: Reply): LineRecord['answer'] {
  if (reply.kind === 'unanswered') return { kind: 'unanswered' };
  if (reply.error !== undefined) {
    return { kind: 'error', code: reply.error.code, message: reply.error.message };
  }
  return { kind: 'result', value: reply.result };
}

export function shareRecord(
  minerId: string,
  seq: number,
  intent: string,
  session: OpenSession,
  share: FoundShare,
  fields: SubmitFields,
  outcome: Pick<ShareRecord, 'sentAtMs' | 'answer' | 'latencyMs'>,
): ShareRecord {
  return {
    minerId,
    seq,
    intent,
    session: session.session,
    extranonce1: share.solution.extranonce1,
    jobId: fields.jobId,
    extranonce2: fields.extranonce2,
    ntime: fields.ntime,
    nonce: fields.nonce,
    versionBits: fields.versionBits,
    difficulty: share.difficulty,
    meetsShareTarget: share.meetsShareTarget,
    meetsNetworkTarget: share.meetsNetworkTarget,
    hash: Buffer.from(share.solution.hash).reverse().toString('hex'),
    dueAtMs: share.dueAtMs,
    roundAgeMs: share.roundAgeMs,
    ...outcome,
  };
}
