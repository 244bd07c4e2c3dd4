import { Text } from 'ink';
import type { GateProgress } from '../../scenarios/run/progress.js';
import type { Tone } from './Cells.js';
import { fit, textWidth } from './columns.js';
import { gateCounts } from './progress-figures.js';
import { Section } from './Section.js';

export interface GatesListProps {
  readonly gates: readonly GateProgress[];
  readonly width: number;
}

const LOOK: Readonly<Record<GateProgress['status'], { symbol: string; tone: Tone }>> = {
  passed: { symbol: '✓', tone: 'green' },
  failed: { symbol: '✗', tone: 'red' },
  pending: { symbol: '○', tone: 'gray' },
};

/** Leave room for 'actual ' and a short figure after the longest expression. */
const ACTUAL_ROOM = 22;

/** Each gate with its current value: green once passed, red once failed, grey while pending. */
export function GatesList({ gates, width }: GatesListProps) {
  const counts = gateCounts(gates);
  const note = `${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`;
  const longest = Math.max(0, ...gates.map((g) => textWidth(g.expression)));
  const expressionWidth = Math.max(10, Math.min(longest, width - 2 - ACTUAL_ROOM));
  return (
    <Section title="Gates" note={note}>
      {gates.length === 0 ? <Text color="gray">(no gates)</Text> : null}
      {gates.map((gate, i) => {
        const { symbol, tone } = LOOK[gate.status];
        const actual = gate.actual === undefined ? '' : `  actual ${gate.actual}`;
        return (
          <Text key={i} color={tone} wrap="truncate-end">
            {`${symbol} ${fit(gate.expression, expressionWidth)}${actual}`.trimEnd()}
          </Text>
        );
      })}
    </Section>
  );
}
