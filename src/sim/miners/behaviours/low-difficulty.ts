import type { Behaviour } from './types.js';

/** How much easier than the pool's difficulty this miner grinds. */
const CHEAT_FACTOR = 1000;
const TRIES = 16;

/**
 * Ignores mining.set_difficulty and mines at a thousandth of it: its shares are real work,
 * just too little, and each is checked to miss the pool's target before it goes out.
 */
export const lowDifficulty: Behaviour = {
  id: 'low-difficulty',
  class: 'malicious',
  description: 'grinds at 1/1000 of the pool difficulty and submits shares that miss it',
  expected: { kind: 'reject', intent: 'low-difficulty', code: 23 },
  create: () => ({
    found(ctx, honestShare) {
      const easier = honestShare.difficulty / CHEAT_FACTOR;
      for (let i = 0; i < TRIES; i++) {
        const share = ctx.solve({ difficulty: easier });
        if (share === undefined) return;
        if (!share.meetsShareTarget) {
          void ctx.submit(share, 'low-difficulty');
          return;
        }
      }
    },
  }),
};
