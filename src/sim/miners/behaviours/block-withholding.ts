import type { Behaviour } from './types.js';

/**
 * Submits every share except the ones that would be blocks: it checks each solution against
 * the network target from the notify's nbits and drops those, so it is paid for its shares
 * while the pool never finds a block through it.
 */
export const blockWithholding: Behaviour = {
  id: 'block-withholding',
  class: 'strategic',
  description: 'submits shares but silently drops every solution that is also a block',
  expected: { kind: 'accept-visible-in-truth', signal: { kind: 'withheld-blocks' } },
  create: () => ({
    found(ctx, share) {
      if (share.meetsNetworkTarget) ctx.withhold(share, 'withheld-block');
      else void ctx.submit(share, 'honest');
    },
  }),
};
