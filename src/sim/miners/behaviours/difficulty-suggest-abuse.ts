import { encodeSuggestDifficultyRequest } from '../../../pool/stratum/codec/index.js';
import { Repeat } from './repeat.js';
import type { Behaviour } from './types.js';

/** Absurd in both directions: a pool must clamp them to its bounds. */
const SUGGESTIONS: readonly number[] = [1e-12, 1e12];

/**
 * Mines honestly while sending mining.suggest_difficulty every second, flipping between a
 * vanishing and an astronomical value: each suggestion can make a naive pool send a new
 * difficulty (and a notify) to the miner.
 */
export const difficultySuggestAbuse: Behaviour = {
  id: 'difficulty-suggest-abuse',
  class: 'honest',
  description: 'flips mining.suggest_difficulty between 1e-12 and 1e12 every second',
  expected: { kind: 'bounded-difficulty-changes' },
  create: () => {
    let repeat: Repeat | undefined;
    return {
      live(ctx) {
        repeat = new Repeat(ctx.scheduler, 1000, 86_400, (i) => {
          const id = `suggest-${i}`;
          const line = encodeSuggestDifficultyRequest(id, SUGGESTIONS[i % SUGGESTIONS.length]!);
          void ctx.sendLine(line, 'suggest-abuse', id);
        });
        repeat.start();
      },
      disconnected: () => repeat?.cancel(),
      stop: () => repeat?.cancel(),
    };
  },
};
