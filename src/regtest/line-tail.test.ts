import { describe, expect, it } from 'vitest';
import { lastLines, LineTail } from './line-tail.js';

describe('LineTail', () => {
  it('keeps the last lines across chunks that split lines anywhere', () => {
    const tail = new LineTail(2);
    tail.push('one\ntw');
    tail.push('o\r\nthree\nfou');
    expect(tail.text()).toBe('two\nthree\nfou');
    tail.push('r\n');
    expect(tail.text()).toBe('three\nfour');
  });

  it('bounds a line that never ends', () => {
    const tail = new LineTail(1);
    tail.push('x'.repeat(5000));
    tail.push('y');
    expect(tail.text().length).toBeLessThan(2100);
  });

  it('drops empty lines and refuses a silly bound', () => {
    expect(lastLines('a\n\n\nb\n', 5)).toBe('a\nb');
    expect(() => new LineTail(0)).toThrow(RangeError);
  });
});
