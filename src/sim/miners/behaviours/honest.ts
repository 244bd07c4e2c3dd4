import type { Behaviour } from './types.js';

/** Mines as its firmware does and submits every share it finds. */
export const honest: Behaviour = {
  id: 'honest',
  class: 'honest',
  description: 'mines every share it finds and submits it as found',
  expected: { kind: 'accept' },
  create: () => ({}),
};
