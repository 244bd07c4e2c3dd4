import { describe, expect, it } from 'vitest';
import { encodeNotify } from './codec/encode.js';
import { NotifyLines } from './notify-lines.js';
import { poolJob } from './stratum.fixtures.js';

describe('NotifyLines', () => {
  it('encodes a job once and re-sends it without clean_jobs', () => {
    const lines = new NotifyLines();
    const job = poolJob('j9', true);
    expect(lines.first(job)).toBe(lines.first(job));
    expect(lines.first(job)).toContain('"j9"');
    expect(lines.first(job).endsWith(',true]}\n')).toBe(true);
    expect(lines.resend(job, 'j9').endsWith(',false]}\n')).toBe(true);
  });

  it('re-sends under an alias id exactly as if the job had been encoded with that id', () => {
    // Arrange
    const lines = new NotifyLines();
    const job = poolJob('1f', true);
    // Act
    const alias = lines.resend(job, '2a');
    // Assert
    expect(alias).toBe(encodeNotify({ ...job.work.notify, jobId: '2a', cleanJobs: false }));
    expect(lines.first(job)).toContain('"params":["1f",');
  });
});
