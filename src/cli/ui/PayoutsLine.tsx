import { Box, Text } from 'ink';
import type { RunProgress } from '../../scenarios/run/progress.js';
import type { Tone } from './Cells.js';
import { payoutsText, payoutsTone } from './progress-figures.js';

export interface PayoutsLineProps {
  readonly progress: RunProgress;
}

const TONE: Readonly<Record<ReturnType<typeof payoutsTone>, Tone>> = {
  ok: 'green',
  bad: 'red',
  pending: 'gray',
};

/** 'payouts verified: 12 blocks, largest error 0 sats': green, red on any error, grey until checked. */
export function PayoutsLine({ progress }: PayoutsLineProps) {
  return (
    <Box marginTop={1}>
      <Text wrap="truncate-end" color={TONE[payoutsTone(progress)]}>
        {payoutsText(progress)}
      </Text>
    </Box>
  );
}
