import type { Behaviour } from './types.js';

/** Submits headers that were hashed once and miss the target: no work at all behind them. */
export const garbageProof: Behaviour = {
  id: 'garbage-proof',
  class: 'malicious',
  description: 'submits well-formed shares whose hash misses the target (no work done)',
  expected: { kind: 'reject', intent: 'garbage-proof', code: 23 },
  create: () => ({
    found(ctx) {
      const share = ctx.solve({ want: 'miss' });
      if (share !== undefined) void ctx.submit(share, 'garbage-proof');
    },
  }),
};
