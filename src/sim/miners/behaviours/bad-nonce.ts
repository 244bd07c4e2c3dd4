import type { Behaviour } from './types.js';

/** Nonces that are not 8 hex characters: non-hex, too short, too long, with a prefix. */
const BAD_NONCES: readonly string[] = ['zzzzzzzz', '1234567', '123456789', '0x123456'];

export const badNonce: Behaviour = {
  id: 'bad-nonce',
  class: 'malicious',
  description: 'submits real shares with the nonce field mangled (not 8 hex characters)',
  expected: { kind: 'reject', intent: 'bad-nonce', code: 20 },
  create: () => {
    let n = 0;
    return {
      found(ctx, share) {
        void ctx.submit(share, 'bad-nonce', { nonce: BAD_NONCES[n++ % BAD_NONCES.length]! });
      },
    };
  },
};
