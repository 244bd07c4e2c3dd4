import { Box } from 'ink';
import type { RunProgress } from '../../scenarios/run/progress.js';
import { EventLog } from './EventLog.js';
import { FarmsTable } from './FarmsTable.js';
import { GatesList } from './GatesList.js';
import { Header } from './Header.js';
import { LatencyPanel } from './LatencyPanel.js';
import { dashboardWidth } from './layout.js';
import { NetworksTable } from './NetworksTable.js';
import { PayoutsLine } from './PayoutsLine.js';

export interface DashboardProps {
  readonly progress: RunProgress;
  /** The terminal's width; the dashboard draws at most 100 columns of it. */
  readonly columns: number | undefined;
  /** How many of the newest events the log shows. */
  readonly eventLines?: number;
}

export const DEFAULT_EVENT_LINES = 6;

/** The whole screen of a running scenario: every figure of one RunProgress snapshot. */
export function Dashboard({ progress, columns, eventLines = DEFAULT_EVENT_LINES }: DashboardProps) {
  const width = dashboardWidth(columns);
  return (
    <Box flexDirection="column" width={width}>
      <Header progress={progress} width={width} />
      <NetworksTable networks={progress.networks} width={width} />
      <FarmsTable farms={progress.farms} width={width} />
      {progress.latencyMs === undefined ? null : (
        <LatencyPanel latency={progress.latencyMs} width={width} />
      )}
      <PayoutsLine progress={progress} />
      <GatesList gates={progress.gates} width={width} />
      <EventLog events={progress.events} lines={eventLines} />
    </Box>
  );
}
