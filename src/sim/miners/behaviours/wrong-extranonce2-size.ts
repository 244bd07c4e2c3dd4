import type { Behaviour } from './types.js';

/** Sends extranonce2 one byte longer or shorter than the size the pool gave. */
export const wrongExtranonce2Size: Behaviour = {
  id: 'wrong-extranonce2-size',
  class: 'malicious',
  description: 'submits shares whose extranonce2 is one byte off the subscribed size',
  expected: { kind: 'reject', intent: 'wrong-extranonce2-size', code: 20 },
  create: () => {
    let n = 0;
    return {
      found(ctx, share) {
        const en2 = share.solution.extranonce2;
        const wrong = n++ % 2 === 0 || en2.length < 2 ? `${en2}00` : en2.slice(2);
        void ctx.submit(share, 'wrong-extranonce2-size', { extranonce2: wrong });
      },
    };
  },
};
