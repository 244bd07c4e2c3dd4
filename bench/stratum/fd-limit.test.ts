import { describe, expect, it } from 'vitest';
import { parseFdLimit } from './fd-limit.js';

describe('parseFdLimit', () => {
  it('reads the soft and hard open-file limits', () => {
    const text = [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max processes             95000                95000                processes ',
      'Max open files            1024                 20000                files     ',
    ].join('\n');
    expect(parseFdLimit(text)).toEqual({ soft: 1024, hard: 20000 });
  });

  it('reads unlimited and missing as undefined', () => {
    const text = 'Max open files            unlimited            unlimited            files';
    expect(parseFdLimit(text)).toEqual({ soft: undefined, hard: undefined });
    expect(parseFdLimit('')).toEqual({ soft: undefined, hard: undefined });
  });
});
