import type { RunProgress } from '../../scenarios/run/progress.js';
import { formatFinalTable, formatProgressLine } from './plain.js';
import type { ProgressView } from './progress-view.js';

export interface PlainProgressOptions {
  readonly write: (text: string) => void;
  /** Wall time between two routine lines; a phase or gate change is printed at once. */
  readonly everyWallMs?: number;
}

export const DEFAULT_EVERY_WALL_MS = 10_000;

/**
 * Progress for `--ci` and pipes: a line now and then, never redrawn. Whether a line is due is
 * read from the snapshot's own wall clock, so nothing here keeps time.
 */
export function renderPlainProgress(
  initial: RunProgress,
  options: PlainProgressOptions,
): ProgressView {
  const everyWallMs = options.everyWallMs ?? DEFAULT_EVERY_WALL_MS;
  let printed = { wallMs: initial.clock.wallMs, phase: initial.phase, gates: '', line: '' };
  let finished = false;
  const print = (progress: RunProgress) => {
    const line = formatProgressLine(progress);
    if (line !== printed.line) options.write(`${line}\n`);
    printed = {
      wallMs: progress.clock.wallMs,
      phase: progress.phase,
      gates: gateStates(progress),
      line,
    };
  };
  options.write(`${initial.scenario}  seed ${initial.seed}  ${initial.fidelity}\n`);
  print(initial);
  return {
    update(progress) {
      if (finished) return;
      const due =
        progress.phase !== printed.phase ||
        gateStates(progress) !== printed.gates ||
        progress.clock.wallMs - printed.wallMs >= everyWallMs;
      if (due) print(progress);
    },
    finish(final) {
      if (!finished) {
        finished = true;
        print(final);
        options.write(`\n${formatFinalTable(final)}`);
      }
      return Promise.resolve();
    },
  };
}

function gateStates(progress: RunProgress): string {
  return progress.gates.map((gate) => gate.status).join(',');
}
