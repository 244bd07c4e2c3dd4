import { Text } from 'ink';
import type { LatencyProgress } from '../../scenarios/run/progress.js';
import { fit } from './columns.js';
import { formatCount, formatLatency } from './format.js';
import { Section } from './Section.js';

export interface LatencyPanelProps {
  readonly latency: LatencyProgress;
  readonly width: number;
}

const LABEL_WIDTH = 9;
const COUNT_WIDTH = 9;

/** Submit-to-reply percentiles, then one bar per histogram bucket, scaled to the fullest. */
export function LatencyPanel({ latency, width }: LatencyPanelProps) {
  const { p50, p95, p99, max, histogram } = latency;
  const percentiles = [
    `p50 ${formatLatency(p50)}`,
    `p95 ${formatLatency(p95)}`,
    `p99 ${formatLatency(p99)}`,
    `max ${formatLatency(max)}`,
  ].join('  ');
  const most = Math.max(0, ...histogram.map((b) => b.count));
  const barWidth = Math.max(5, Math.min(40, width - LABEL_WIDTH - COUNT_WIDTH - 2));
  return (
    <Section title="Latency" note={percentiles}>
      {histogram.map((bucket, i) => {
        const label = bucketLabel(bucket.upToMs, histogram[i - 1]?.upToMs);
        const length = most === 0 ? 0 : Math.round((bucket.count / most) * barWidth);
        // A bucket with any replies shows at least a sliver.
        const bar = '█'.repeat(bucket.count > 0 ? Math.max(1, length) : 0);
        return (
          <Text key={label} wrap="truncate-end">
            <Text color="gray">{fit(label, LABEL_WIDTH, 'right')}</Text>{' '}
            <Text color="cyan">{fit(bar, barWidth)}</Text>
            {` ${fit(formatCount(bucket.count), COUNT_WIDTH, 'right')}`}
          </Text>
        );
      })}
    </Section>
  );
}

/** '<= 5ms' for a bound; '> 25ms' for the open-ended last bucket. */
function bucketLabel(upToMs: number, previousMs: number | undefined): string {
  if (Number.isFinite(upToMs)) return `<= ${formatLatency(upToMs)}`;
  return previousMs === undefined ? 'all' : `> ${formatLatency(previousMs)}`;
}
