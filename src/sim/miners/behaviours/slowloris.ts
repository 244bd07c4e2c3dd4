import type { Behaviour } from './types.js';
import { Repeat } from './repeat.js';

/**
 * Opens a connection and trickles one byte a second without ever finishing a line, holding
 * the pool's socket (and its line buffer) for as long as the pool lets it.
 */
export const slowloris: Behaviour = {
  id: 'slowloris',
  class: 'malicious',
  description: 'trickles one byte a second, never completing a line or the handshake',
  expected: { kind: 'disconnect', ban: false },
  create: () => {
    let repeat: Repeat | undefined;
    return {
      connected(ctx) {
        repeat = new Repeat(ctx.scheduler, 1000, 86_400, () => {
          void ctx.sendLine('{', 'slowloris');
        });
        repeat.start();
        return 'custom';
      },
      disconnected: () => repeat?.cancel(),
      stop: () => repeat?.cancel(),
    };
  },
};
