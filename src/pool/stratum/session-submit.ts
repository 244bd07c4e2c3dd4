import { STRATUM_ERROR_FOR } from '../core/shares/reasons.js';
import type { ShareVerdict } from '../core/shares/validate-share.js';
import { encodeError } from './codec/encode.js';
import type { SubmitRequest } from './codec/messages.js';
import type { AcceptedShare, ShareRejectReason } from './ports.js';
import { send, type SessionAction } from './session-actions.js';
import type { ShareContext, StratumSession } from './session.js';
import type { WorkerLogin } from './session-workers.js';

const RATE_LIMITED = { code: 20, message: 'Too many submits, slow down' } as const;

/**
 * mining.submit: the session's checks (subscribed, authorized worker, rate), then the share
 * checks, then the actions. An accepted share is answered only through its `record` action,
 * so `true` goes out after the sink has it; a block is handed on before that.
 */
export function submitActions(
  session: StratumSession,
  request: SubmitRequest,
  nowMs: number,
): SessionAction[] {
  const lease = session.lease;
  if (lease === undefined) return rejected(session, request, undefined, 'not-subscribed', nowMs);
  const login = session.workers.get(request.workerName);
  if (login === undefined) {
    return rejected(session, request, undefined, 'unauthorized-worker', nowMs);
  }
  if (!session.guard.allowSubmit(nowMs)) {
    return rejected(session, request, login, 'rate-limited', nowMs);
  }
  // The network the id was sent for (the one left in a switch, during its grace) ...
  const ctx = session.contextFor(request.jobId, nowMs);
  // ... and what went out under it: the pool's job it stands for and its difficulty.
  const sent = ctx.difficulty.sent(request.jobId);
  const jobId = sent?.baseId ?? request.jobId;
  const verdict = ctx.judge.judge(request, sent, nowMs);
  if (verdict.kind === 'rejected') {
    return rejected(session, request, login, verdict.reason, nowMs, ctx);
  }
  return accepted(session, ctx, request, jobId, login, verdict, lease.hex, nowMs);
}

function accepted(
  session: StratumSession,
  ctx: ShareContext,
  request: SubmitRequest,
  jobId: string,
  login: WorkerLogin,
  verdict: Exclude<ShareVerdict, { kind: 'rejected' }>,
  sessionId: string,
  nowMs: number,
): SessionAction[] {
  const { counters, logger } = session.deps;
  const { policy } = ctx.deps;
  ctx.judge.remember(jobId, verdict.key);
  session.guard.judged(undefined);
  counters.sharesAccepted++;
  const out: SessionAction[] = [];
  if (verdict.kind === 'block') {
    counters.blocks++;
    const lookup = ctx.deps.jobs.lookup(jobId);
    if (lookup.kind !== 'unknown') {
      out.push({
        kind: 'block',
        candidate: {
          network: policy.network,
          jobId,
          job: lookup.job,
          header: verdict.header,
          coinbase: verdict.coinbase,
          blockHash: verdict.blockHash,
          address: login.address,
          worker: login.worker,
          timeMs: nowMs,
        },
      });
    }
    logger.info(
      { jobId, blockHash: Buffer.from(verdict.blockHash).reverse().toString('hex') },
      'block candidate',
    );
  }
  const share: AcceptedShare = {
    network: policy.network,
    address: login.address,
    worker: login.worker,
    sessionId,
    jobId,
    difficulty: verdict.difficulty,
    work: verdict.work,
    hash: verdict.hash,
    timeMs: nowMs,
    verdict: verdict.kind,
  };
  out.push({ kind: 'record', id: request.id, share });
  // Vardiff follows the network the session mines for now, not one it left.
  if (ctx.difficulty === session.difficulty && session.difficulty.onAccepted(nowMs)) {
    session.announceDifficulty(out);
  }
  return out;
}

function rejected(
  session: StratumSession,
  request: SubmitRequest,
  login: WorkerLogin | undefined,
  reason: ShareRejectReason,
  nowMs: number,
  ctx: Pick<ShareContext, 'deps'> = session,
): SessionAction[] {
  const { counters } = session.deps;
  const { policy } = ctx.deps;
  counters.sharesRejected[reason]++;
  const error = reason === 'rate-limited' ? RATE_LIMITED : STRATUM_ERROR_FOR[reason];
  const out: SessionAction[] = [
    {
      kind: 'rejected',
      share: {
        network: policy.network,
        sessionId: session.lease?.hex ?? '',
        address: login?.address,
        worker: login?.worker,
        jobId: request.jobId,
        reason,
        timeMs: nowMs,
      },
    },
    send(encodeError(request.id, error)),
  ];
  const abuse = session.guard.judged(reason);
  if (abuse !== undefined) session.close(out, abuse, true);
  return out;
}
