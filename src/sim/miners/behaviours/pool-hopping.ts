import type { Behaviour } from './types.js';

/** The hopper mines only this long after each new round (a clean job: a new tip). */
export const HOP_WINDOW_MS = 60_000;

/**
 * Mines only early in each round, when proportional payout schemes pay most per share, and
 * idles for the rest (as hoppers leave for another pool). Its shares are valid; the abuse
 * is in when they come, which ground truth shows through each share's round age.
 */
export const poolHopping: Behaviour = {
  id: 'pool-hopping',
  class: 'strategic',
  description: `mines only in the first ${HOP_WINDOW_MS / 1000} s after each new block`,
  expected: {
    kind: 'accept-visible-in-truth',
    signal: { kind: 'early-in-round', windowMs: HOP_WINDOW_MS },
  },
  create: () => ({
    shareDue(ctx) {
      const age = ctx.roundAgeMs();
      return age !== undefined && age < HOP_WINDOW_MS;
    },
  }),
};
