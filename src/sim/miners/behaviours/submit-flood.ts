import type { Behaviour, FoundShare, MinerContext } from './types.js';

/** More than a pool's burst allowance (ours: 500), sent in one write. */
const FLOOD_SHARES = 800;

/**
 * Once live, grinds a burst of distinct real shares and sends them all at once, then mines
 * honestly. Every share is valid: only the rate is abusive, so a pool should refuse the
 * excess (or slow the miner down) without banning it.
 */
export const submitFlood: Behaviour = {
  id: 'submit-flood',
  class: 'malicious',
  description: `sends ${FLOOD_SHARES} valid shares in one burst after connecting`,
  expected: { kind: 'rate-limit', intent: 'flood', code: 20 },
  create: () => {
    let flooded = false;
    // Whichever comes last of authorization and the first job starts the flood.
    const flood = (ctx: MinerContext): void => {
      if (flooded || ctx.client?.authorized !== true || ctx.client.state.current === undefined) {
        return;
      }
      flooded = true;
      const burst: FoundShare[] = [];
      for (let i = 0; i < FLOOD_SHARES; i++) {
        const share = ctx.solve();
        if (share === undefined) break;
        burst.push(share);
      }
      for (const share of burst) void ctx.submit(share, 'flood');
    };
    return { live: flood, job: flood };
  },
};
