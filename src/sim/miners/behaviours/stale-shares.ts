import type { Behaviour } from './types.js';

/**
 * Mines honestly, but when a clean job arrives (a new tip) also finishes a real share of the
 * job it was told to drop and sends it: work on a parent that can no longer make a block.
 */
export const staleShares: Behaviour = {
  id: 'stale-shares',
  class: 'malicious',
  description: 'after each new tip, submits a real share of the previous (dropped) job',
  expected: { kind: 'reject', intent: 'stale', code: 21 },
  create: () => ({
    job(ctx, outcome) {
      const old = outcome.previous;
      if (!outcome.job.cleanJobs || old === undefined || old.jobId === outcome.job.jobId) return;
      const share = ctx.solve({ job: old });
      if (share !== undefined) void ctx.submit(share, 'stale');
    },
  }),
};
