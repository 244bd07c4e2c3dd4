import { render } from 'ink';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { Dashboard } from './Dashboard.js';
import type { ProgressView } from './progress-view.js';

export interface LiveDashboardOptions {
  readonly stdout: NodeJS.WriteStream;
  /** Ink reads no keys today; given, it is the stream it would read them from. */
  readonly stdin?: NodeJS.ReadStream;
  /** Most frames a second reach the terminal; snapshots in between fold into the next. */
  readonly maxFps?: number;
  /** How many of the newest events the log shows. */
  readonly eventLines?: number;
  /** Every frame written whole at once, never erased: for tests and for logs. */
  readonly debug?: boolean;
}

export const DEFAULT_MAX_FPS = 10;

/**
 * Mounts the Dashboard on `stdout` and redraws it on each snapshot. No timers here: frames are
 * drawn on update only, and Ink's own frame limit (`maxFps`, trailing edge kept) throttles
 * them, so the newest snapshot always reaches the screen. `finish` draws the final one and
 * unmounts, leaving that frame in place.
 */
export function renderLiveDashboard(
  initial: RunProgress,
  options: LiveDashboardOptions,
): ProgressView {
  const { stdout } = options;
  let latest = initial;
  let finished = false;
  const frame = () => (
    <Dashboard progress={latest} columns={stdout.columns} eventLines={options.eventLines} />
  );
  const instance = render(frame(), {
    stdout,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
    debug: options.debug ?? false,
    maxFps: options.maxFps ?? DEFAULT_MAX_FPS,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  // The layout depends on the width: a resized terminal gets the layout for its new width.
  const onResize = () => instance.rerender(frame());
  stdout.on('resize', onResize);
  return {
    update(progress) {
      if (finished || progress === latest) return;
      latest = progress;
      instance.rerender(frame());
    },
    async finish(final) {
      if (finished) return;
      finished = true;
      stdout.off('resize', onResize);
      latest = final;
      instance.rerender(frame());
      const exited = instance.waitUntilExit();
      instance.unmount();
      await exited;
    },
  };
}
