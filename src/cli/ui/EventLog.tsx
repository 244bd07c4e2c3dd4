import { Text } from 'ink';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { formatClockTime } from './format.js';
import { Section } from './Section.js';

export interface EventLogProps {
  readonly events: RunProgress['events'];
  /** How many of the newest events to show. */
  readonly lines: number;
}

/** The newest events, oldest first, each at its scenario time; one line each, cut if long. */
export function EventLog({ events, lines }: EventLogProps) {
  const shown = lines > 0 ? events.slice(-lines) : [];
  return (
    <Section
      title="Events"
      note={events.length > shown.length ? `last ${shown.length}` : undefined}
    >
      {shown.length === 0 ? (
        <Text color="gray">(no events yet)</Text>
      ) : (
        shown.map((event, i) => (
          <Text key={i} wrap="truncate-end">
            <Text color="gray">{formatClockTime(event.atMs)}</Text>
            {`  ${event.text.replace(/\s*\r?\n\s*/g, ' ')}`}
          </Text>
        ))
      )}
    </Section>
  );
}
