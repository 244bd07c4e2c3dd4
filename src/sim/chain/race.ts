import type { Rng } from '../../runtime/index.js';
import type { StoredBlock } from './types.js';

/**
 * Which block the external network's next block builds on, given how blocks propagate.
 *
 * The rule: a block reaches each external miner `U x propagationDelayMs` after the simulated
 * node first saw it (submitted by the pool or found outside), U uniform in [0, 1), drawn
 * afresh for each block at each find from the seeded Rng. The node itself sees every block
 * at once. The finder builds on the candidate tip (the node's tip and any leaf that ties with
 * it on work) that reached it first; if none has reached it yet, on the tip's parent.
 *
 * Consequences: with no delay the network always extends the node's tip. A pool block B that
 * races an external block E at the same height wins the next external block with the
 * probability that B's arrival beats E's: for d = tE - tB (negative when B came second), that
 * is F(d / delay) with F the triangular CDF on [-1, 1] (½ when they tie, 0 when B came a whole
 * delay after E). The losing block stays a side-branch leaf: confirmations -1, an orphan.
 */
export function chooseExternalParent(
  candidates: readonly StoredBlock[],
  nowMs: number,
  propagationDelayMs: number,
  rng: Rng,
): StoredBlock {
  const tip = candidates[0];
  if (tip === undefined) throw new RangeError('no candidate tip');
  if (propagationDelayMs <= 0) return tip;
  let best: StoredBlock | undefined;
  let bestArrival = Infinity;
  for (const c of candidates) {
    const arrival = c.receivedAtMs + rng.next() * propagationDelayMs;
    if (arrival <= nowMs && arrival < bestArrival) {
      best = c;
      bestArrival = arrival;
    }
  }
  return best ?? tip.parent ?? tip;
}
