import { describe, expect, it } from 'vitest';
import { fit, plainTable, textWidth } from './columns.js';

describe('fit', () => {
  it.each([
    ['abc', 5, 'left', 'abc  '],
    ['abc', 5, 'right', '  abc'],
    ['abcdef', 4, 'left', 'abc…'],
    ['abcdef', 4, 'right', 'abc…'],
    ['abc', 3, 'left', 'abc'],
    ['abc', 0, 'left', ''],
    ['two\nlines', 9, 'left', 'two lines'],
    ['█░█', 4, 'left', '█░█ '],
  ] as const)('fit(%j, %d, %s) -> %j', (text, width, align, fitted) => {
    expect(fit(text, width, align)).toBe(fitted);
    if (width > 0) expect(textWidth(fitted)).toBe(width);
  });
});

describe('plainTable', () => {
  it('sizes each column to its widest cell, two spaces apart, no trailing blanks', () => {
    const lines = plainTable(
      ['name', 'count', 'note'],
      [
        ['asics', '1,440', ''],
        ['cheaters', '7', 'all rejected'],
      ],
      ['left', 'right'],
    );
    expect(lines).toEqual([
      'name      count  note',
      'asics     1,440',
      'cheaters      7  all rejected',
    ]);
  });
});
