import type { RunProgress } from '../../scenarios/run/progress.js';
import { renderLiveDashboard, type LiveDashboardOptions } from './live-dashboard.js';
import { renderPlainProgress } from './plain-progress.js';
import type { ProgressView } from './progress-view.js';

export interface ProgressViewOptions extends LiveDashboardOptions {
  /** `--ci`: plain lines even on a terminal. */
  readonly ci?: boolean;
  /** Plain mode: wall time between two routine lines. */
  readonly everyWallMs?: number;
}

/** The live dashboard on a terminal; plain lines under `--ci` or when stdout is not a TTY. */
export function openProgressView(initial: RunProgress, options: ProgressViewOptions): ProgressView {
  const { stdout } = options;
  if (options.ci === true || stdout.isTTY !== true) {
    return renderPlainProgress(initial, {
      write: (text) => void stdout.write(text),
      ...(options.everyWallMs === undefined ? {} : { everyWallMs: options.everyWallMs }),
    });
  }
  return renderLiveDashboard(initial, options);
}
