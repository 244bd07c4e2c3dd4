import type { NetworkProgress } from '../../scenarios/run/progress.js';
import { Cells, type Cell } from './Cells.js';
import type { Column } from './columns.js';
import { formatCount, formatHashrate, formatScaled } from './format.js';
import { isWide } from './layout.js';
import { Section } from './Section.js';

export interface NetworksTableProps {
  readonly networks: readonly NetworkProgress[];
  readonly width: number;
}

const STATE_WIDTH = 7;

function columns(width: number): readonly Column[] {
  const wide = isWide(width);
  return [
    { header: 'network', width: wide ? 12 : 10 },
    { header: 'coin', width: wide ? 16 : 12 },
    { header: 'height', width: wide ? 10 : 9, align: 'right' },
    { header: 'difficulty', width: wide ? 12 : 10, align: 'right' },
    { header: 'hashrate', width: 10, align: 'right' },
    { header: 'found/acc/orph', width: 14, align: 'right' },
  ];
}

/** Each chain: height, difficulty, the pool's hashrate on it, its blocks; the active one lit. */
export function NetworksTable({ networks, width }: NetworksTableProps) {
  const cols = columns(width);
  const cells = (texts: readonly string[]): Cell[] =>
    cols.map((col, i) => ({ text: texts[i] ?? '', width: col.width, align: col.align }));
  const header = [...cells(cols.map((c) => c.header)), { text: 'state', width: STATE_WIDTH }];
  return (
    <Section title="Networks">
      <Cells cells={header} tone="gray" />
      {networks.map((n) => {
        const figures = cells([
          n.id,
          n.coin,
          formatCount(n.height),
          formatScaled(n.difficulty),
          formatHashrate(n.poolHashrate),
          `${formatCount(n.blocksFound)}/${formatCount(n.blocksAccepted)}/${formatCount(n.blocksOrphaned)}`,
        ]);
        const state: Cell = n.active
          ? { text: 'active', width: STATE_WIDTH, tone: 'green' }
          : { text: 'standby', width: STATE_WIDTH };
        return (
          <Cells key={n.id} cells={[...figures, state]} tone={n.active ? undefined : 'gray'} />
        );
      })}
    </Section>
  );
}
