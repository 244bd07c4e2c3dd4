import { Box, Text } from 'ink';
import type { ReactNode } from 'react';

export interface SectionProps {
  readonly title: string;
  /** Said after the title, greyed: counts, a legend. */
  readonly note?: string;
  readonly children?: ReactNode;
}

/** A titled block of the dashboard, a blank line above it. */
export function Section({ title, note, children }: SectionProps) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        <Text bold>{title}</Text>
        {note === undefined ? '' : <Text color="gray">{`  ${note}`}</Text>}
      </Text>
      {children}
    </Box>
  );
}
