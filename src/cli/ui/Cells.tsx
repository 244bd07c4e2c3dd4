import { Text } from 'ink';
import { fit, type Align } from './columns.js';

export type Tone = 'green' | 'red' | 'yellow' | 'gray' | 'cyan' | 'magenta';

export interface Cell {
  readonly text: string;
  readonly width: number;
  readonly align?: Align;
  readonly tone?: Tone;
  readonly bold?: boolean;
}

export interface CellsProps {
  readonly cells: readonly Cell[];
  /** The tone of cells that have none of their own. */
  readonly tone?: Tone;
}

/** One line of fixed-width cells, one space apart, cut at the right edge rather than wrapped. */
export function Cells({ cells, tone }: CellsProps) {
  return (
    <Text wrap="truncate-end" color={tone}>
      {cells.map((cell, i) => {
        const fitted = fit(cell.text, cell.width, cell.align);
        // No padding after the last cell: a line ends where its text does.
        const shown = i === cells.length - 1 ? fitted.trimEnd() : fitted;
        return (
          <Text key={i} color={cell.tone ?? tone} bold={cell.bold}>
            {(i === 0 ? '' : ' ') + shown}
          </Text>
        );
      })}
    </Text>
  );
}
