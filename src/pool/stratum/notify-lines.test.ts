import { describe, expect, it } from 'vitest';
import { NotifyLines } from './notify-lines.js';
import { poolJob } from './stratum.fixtures.js';

describe('NotifyLines', () => {
  it('encodes a job once and re-sends it without clean_jobs', () => {
    const lines = new NotifyLines();
    const job = poolJob('j9', true);
    expect(lines.first(job)).toBe(lines.first(job));
    expect(lines.first(job)).toContain('"j9"');
    expect(lines.first(job).endsWith(',true]}\n')).toBe(true);
    expect(lines.resend(job).endsWith(',false]}\n')).toBe(true);
  });
});
