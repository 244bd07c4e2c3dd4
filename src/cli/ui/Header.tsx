import { Box, Text } from 'ink';
import type { RunProgress } from '../../scenarios/run/progress.js';
import type { Tone } from './Cells.js';
import { fit, textWidth } from './columns.js';
import { formatDuration, formatPercent, formatSpeedup } from './format.js';
import { runVerdict, simulatedFraction } from './progress-figures.js';

export interface HeaderProps {
  readonly progress: RunProgress;
  readonly width: number;
}

/** Scenario, seed, fidelity and phase; then a bar of simulated time with the speed-up. */
export function Header({ progress, width }: HeaderProps) {
  const verdict = runVerdict(progress);
  const status = verdict === 'running' ? progress.phase : verdict.toUpperCase();
  const statusTone: Tone =
    verdict === 'passed'
      ? 'green'
      : verdict === 'failed'
        ? 'red'
        : progress.phase === 'finishing'
          ? 'yellow'
          : 'cyan';
  const facts = `  seed ${progress.seed}  ${progress.fidelity}  `;
  // The name gives way first, so the status stays on screen however long it is.
  const nameWidth = Math.max(8, width - textWidth(facts) - textWidth(status));
  const name = fit(progress.scenario, Math.min(nameWidth, textWidth(progress.scenario)));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{name}</Text>
        {facts}
        <Text bold color={statusTone}>
          {status}
        </Text>
      </Text>
      <ProgressBar progress={progress} width={width} />
    </Box>
  );
}

function ProgressBar({ progress, width }: HeaderProps) {
  const { clock } = progress;
  const fraction = simulatedFraction(progress);
  const label =
    `${formatDuration(clock.simulatedMs)} of ${formatDuration(clock.durationMs)} simulated, ` +
    `${formatSpeedup(clock.speedup)} (wall ${formatDuration(clock.wallMs)})`;
  const percent = fit(formatPercent(fraction, 0), 4, 'right');
  // '[' bar '] ' percent '  ' label
  const barWidth = Math.max(10, Math.min(40, width - textWidth(label) - 9));
  const filled = Math.round(fraction * barWidth);
  return (
    <Text wrap="truncate-end">
      {'['}
      <Text color="green">{'█'.repeat(filled)}</Text>
      <Text color="gray">{'░'.repeat(barWidth - filled)}</Text>
      {`] ${percent}  ${label}`}
    </Text>
  );
}
