import { Text } from 'ink';
import { Fragment } from 'react';
import type { FarmProgress } from '../../scenarios/run/progress.js';
import { Cells, type Cell, type Tone } from './Cells.js';
import type { Column } from './columns.js';
import { formatCountWithin, formatHashrate, formatPercent } from './format.js';
import { isWide } from './layout.js';
import { rejectedBreakdown, rejectedCount, type BehaviourClass } from './progress-figures.js';
import { Section } from './Section.js';

export interface FarmsTableProps {
  readonly farms: readonly FarmProgress[];
  readonly width: number;
}

type FarmColumn = Column & { readonly cell: (farm: FarmProgress) => Omit<Cell, 'width' | 'align'> };

const CLASS_TONE: Readonly<Record<BehaviourClass, Tone | undefined>> = {
  honest: undefined,
  strategic: 'yellow',
  malicious: 'magenta',
};

function columns(width: number): readonly FarmColumn[] {
  const wide = isWide(width);
  const all: (FarmColumn | false)[] = [
    { header: 'farm', width: 12, cell: (f) => ({ text: f.id, bold: true }) },
    wide && { header: 'profile', width: 12, cell: (f) => ({ text: f.profile }) },
    {
      header: 'class',
      width: 9,
      cell: (f) => ({ text: f.behaviourClass, tone: CLASS_TONE[f.behaviourClass] }),
    },
    { header: 'behaviour', width: wide ? 16 : 14, cell: (f) => ({ text: f.behaviour }) },
    {
      header: 'miners',
      width: 6,
      align: 'right',
      cell: (f) => ({ text: formatCountWithin(f.miners, 6) }),
    },
    {
      header: 'effective ',
      width: 11,
      align: 'right',
      // The marker's place is kept on every row so the figures stay in line.
      cell: (f) =>
        f.saturated
          ? { text: `${formatHashrate(f.effectiveHashrate)}*`, tone: 'yellow' }
          : { text: `${formatHashrate(f.effectiveHashrate)} ` },
    },
    {
      header: 'nominal',
      width: 10,
      align: 'right',
      cell: (f) => ({ text: formatHashrate(f.nominalHashrate) }),
    },
    {
      header: 'accept',
      width: 7,
      align: 'right',
      cell: (f) => ({ text: formatPercent(f.acceptance) }),
    },
    wide && {
      header: 'rejected',
      width: 8,
      align: 'right',
      cell: (f) => ({ text: formatCountWithin(rejectedCount(f), 8) }),
    },
  ];
  return all.filter((col): col is FarmColumn => col !== false);
}

/**
 * Each farm on one line (effective against nominal hashrate, acceptance), its rejections by
 * reason on a second, greyed line when it has any. A saturated farm's hashrate is marked '*'.
 */
export function FarmsTable({ farms, width }: FarmsTableProps) {
  const cols = columns(width);
  const header = cols.map((c) => ({ text: c.header, width: c.width, align: c.align }));
  const saturated = farms.some((f) => f.saturated);
  return (
    <Section title="Farms" note={`${farms.length} farm${farms.length === 1 ? '' : 's'}`}>
      <Cells cells={header} tone="gray" />
      {farms.map((farm) => {
        const breakdown = rejectedBreakdown(farm.rejected);
        const cells = cols.map((c) => ({ ...c.cell(farm), width: c.width, align: c.align }));
        return (
          <Fragment key={farm.id}>
            <Cells cells={cells} />
            {breakdown === '' ? null : (
              <Text color="gray" wrap="truncate-end">{`  rejected: ${breakdown}`}</Text>
            )}
          </Fragment>
        );
      })}
      {saturated ? (
        <Text color="yellow" wrap="truncate-end">
          * saturated: real grinding cannot keep up with the nominal hashrate
        </Text>
      ) : null}
    </Section>
  );
}
