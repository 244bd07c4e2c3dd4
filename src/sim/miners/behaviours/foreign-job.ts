import type { Behaviour } from './types.js';

/**
 * Mines a job this session was never sent: one another miner of the farm saw (as a rig
 * copying a neighbour's work would), or, when there is none, a job id nobody issued.
 * The solution is real work on that job's header with this session's extranonce1.
 */
export const foreignJob: Behaviour = {
  id: 'foreign-job',
  class: 'malicious',
  description: 'submits real solutions of a job sent only to another session (or of no job)',
  expected: { kind: 'reject', intent: 'foreign-job', code: 21 },
  create: () => ({
    found(ctx, honestShare) {
      const state = ctx.client?.state;
      const own = honestShare.solution.job;
      const foreign = ctx.board.newestWhere(
        ctx.minerId,
        (job) => state?.job(job.jobId) === undefined,
      ) ?? { ...own, jobId: `${own.jobId}-not-issued` };
      const share = ctx.solve({ job: foreign });
      if (share !== undefined) void ctx.submit(share, 'foreign-job');
    },
  }),
};
