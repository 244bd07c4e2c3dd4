import { describe, expect, it } from 'vitest';
import { anyFigureMissed, formatFigureTable, judgeFigure, type Figure } from './figures.js';

const atLeast10: Figure = {
  name: 'stratum-load/a',
  unit: 'x',
  value: 10,
  target: { kind: 'min', value: 10, why: 'w' },
};
const below10: Figure = {
  name: 'stratum-load/b',
  unit: 'ms',
  value: 10,
  target: { kind: 'max', value: 10, why: 'w' },
};

describe('figures', () => {
  it('judges min targets inclusively and max targets strictly', () => {
    expect(judgeFigure(atLeast10)).toBe('met');
    expect(judgeFigure({ ...atLeast10, value: 9.99 })).toBe('missed');
    expect(judgeFigure(below10)).toBe('missed');
    expect(judgeFigure({ ...below10, value: 9.99 })).toBe('met');
  });

  it('tells unmeasured and untargeted figures apart', () => {
    expect(judgeFigure({ ...atLeast10, value: undefined })).toBe('not-measured');
    expect(judgeFigure({ name: 'stratum-load/c', unit: 'x', value: 1 })).toBe('no-target');
  });

  it('counts an unmeasured figure with a target as missed', () => {
    expect(anyFigureMissed([atLeast10])).toBe(false);
    expect(anyFigureMissed([atLeast10, { ...atLeast10, value: undefined }])).toBe(true);
    expect(anyFigureMissed([{ name: 'stratum-load/c', unit: 'x', value: undefined }])).toBe(false);
  });

  it('prints name, value, target and verdict on one line each', () => {
    const lines = formatFigureTable([atLeast10, { ...below10, value: 12.5 }]).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^stratum-load\/a\s+10 x\s+>= 10 x \(w\)\s+MET$/);
    expect(lines[2]).toMatch(/^stratum-load\/b\s+12\.5 ms\s+< 10 ms \(w\)\s+MISSED$/);
  });
});
