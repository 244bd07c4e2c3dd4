import { bitsToTarget, workOfTarget } from '../../pool/core/difficulty/index.js';
import type { TimelineEntry } from '../reports/index.js';
import type { RunNetwork } from './world.js';

/** What the chain saw of the pool's blocks and its own difficulty, as the run went. */
export interface ChainRecord {
  /** Hashes (display) of pool blocks that became the tip when they arrived. */
  readonly acceptedPoolBlocks: readonly string[];
  /** Hashes of every pool block the chain received, tip or not. */
  readonly receivedPoolBlocks: ReadonlySet<string>;
  /** Expected hashes per block from `atMs` (virtual clock) on, oldest first. */
  readonly networkWork: readonly { readonly atMs: number; readonly work: bigint }[];
}

/**
 * Follows a network's chain: pool blocks as they arrive, reorganisations, and the work per
 * block after each tip change (for expected_blocks). Timeline entries go to `note`.
 */
export function watchChain(
  network: RunNetwork,
  clock: { nowMs(): number; readonly startMs: number },
  note: (entry: TimelineEntry) => void,
): ChainRecord {
  const { sim } = network;
  const accepted: string[] = [];
  const received = new Set<string>();
  const workNow = (): bigint => workOfTarget(bitsToTarget(sim.state.expectedBits(sim.tip)));
  const networkWork = [{ atMs: clock.startMs, work: workNow() }];
  const poolBlocks = new Set<string>();
  sim.onEvent((event) => {
    const nowMs = clock.nowMs();
    const atMs = nowMs - clock.startMs;
    if (event.kind === 'block' && event.source === 'pool') {
      received.add(event.hash);
      poolBlocks.add(event.hash);
      if (event.mainChain) accepted.push(event.hash);
      note({
        atMs,
        kind: event.mainChain ? 'block-accepted' : 'block-stale',
        detail: `${network.id} height ${event.height}: ${event.mainChain ? 'pool block is the tip' : 'pool block lost the race'} (${event.hash.slice(0, 16)}…)`,
      });
    }
    if (event.kind === 'tip') {
      networkWork.push({ atMs: nowMs, work: workNow() });
      if (event.disconnected.length > 0) {
        const ours = event.disconnected.filter((h) => poolBlocks.has(h)).length;
        note({
          atMs,
          kind: 'reorganisation',
          detail: `${network.id}: ${event.disconnected.length} block(s) replaced at height ${event.height - event.connected.length + 1}, ${ours} of them the pool's`,
        });
      }
    }
  });
  return { acceptedPoolBlocks: accepted, receivedPoolBlocks: received, networkWork };
}

/** The work per block in force at `atMs`. */
export function networkWorkAt(record: ChainRecord, atMs: number): bigint {
  let work = record.networkWork[0]?.work ?? 1n;
  for (const step of record.networkWork) {
    if (step.atMs > atMs) break;
    work = step.work;
  }
  return work;
}
