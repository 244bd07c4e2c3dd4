import type { Behaviour } from './types.js';

/** Past any pool's future allowance (daemons allow 2 h) and before any median time past. */
const OFFSETS_SEC: readonly number[] = [3 * 3600, -86_400];

/** Real solutions of headers whose ntime the pool must refuse: too far ahead, or too old. */
export const ntimeOutOfRange: Behaviour = {
  id: 'ntime-out-of-range',
  class: 'malicious',
  description: 'submits real solutions with ntime 3 h ahead or a day behind the job',
  expected: { kind: 'reject', intent: 'ntime-out-of-range', code: 20 },
  create: () => {
    let n = 0;
    return {
      found(ctx, honestShare) {
        const job = honestShare.solution.job;
        const ntime = job.ntime + OFFSETS_SEC[n++ % OFFSETS_SEC.length]!;
        const share = ctx.solve({ job, ntime });
        if (share !== undefined) void ctx.submit(share, 'ntime-out-of-range');
      },
    };
  },
};
