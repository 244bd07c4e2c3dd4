import type { Behaviour } from './types.js';

/** Authorizes one worker, then submits its real shares under a worker name it never authorized. */
export const unauthorizedWorker: Behaviour = {
  id: 'unauthorized-worker',
  class: 'malicious',
  description: 'submits real shares in the name of a worker that never authorized',
  expected: { kind: 'reject', intent: 'unauthorized-worker', code: 24 },
  create: () => ({
    found(ctx, share) {
      const address = ctx.username.split('.')[0] ?? ctx.username;
      void ctx.submit(share, 'unauthorized-worker', { workerName: `${address}.intruder` });
    },
  }),
};
