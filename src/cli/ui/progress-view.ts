import type { RunProgress } from '../../scenarios/run/progress.js';

/**
 * What a run command holds while a scenario runs: it hands over each snapshot, then the last.
 * The live dashboard and the plain lines both are one.
 */
export interface ProgressView {
  /** A newer snapshot. Cheap to call often: the view decides what reaches the screen. */
  update(progress: RunProgress): void;
  /** The final snapshot: drawn, then the view lets go of its stream, leaving it on screen. */
  finish(final: RunProgress): Promise<void>;
}
