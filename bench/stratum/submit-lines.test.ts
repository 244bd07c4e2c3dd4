import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../src/pool/core/algorithms/index.js';
import { difficultyFrom } from '../../src/pool/core/difficulty/difficulty.js';
import { validateShare } from '../../src/pool/core/shares/validate-share.js';
import { encodeSubmitRequest, parseStratumLine } from '../../src/pool/stratum/index.js';
import { START_MS, poolJob } from '../../src/pool/stratum/stratum.fixtures.js';
import { SHARE_DIFFICULTY } from './pool-under-test.js';
import { EXTRANONCE2, SubmitLines } from './submit-lines.js';

describe('SubmitLines', async () => {
  const job = poolJob('b1', true);
  const notify = { ...job.work.notify, jobId: job.id, cleanJobs: true };
  const extranonce1 = '0a0b0c0d';
  const lines = new SubmitLines({ worker: 'bench0.rig1', extranonce1, difficulty: 1e-30, notify });
  const sha256d = (await createDefaultRegistry()).get('sha256d')!;

  it('writes exactly what the codec’s encoder writes', () => {
    const expected = encodeSubmitRequest(42, {
      workerName: 'bench0.rig1',
      jobId: 'b1',
      extranonce2: EXTRANONCE2,
      ntime: notify.ntime,
      nonce: '000000ff',
      versionBits: undefined,
    });
    expect(lines.line(42, 255)).toBe(expected);
  });

  it('describes real solutions: the pool accepts each share, and sees a repeat as a duplicate', () => {
    const session = {
      extranonce1: Buffer.from(extranonce1, 'hex'),
      extranonce2Size: 4,
      versionMask: 0,
      jobDifficulty: difficultyFrom(SHARE_DIFFICULTY),
      seen: new Set<string>(),
    };
    for (const nonce of [0, 1, 0xffffffff]) {
      const parsed = parseStratumLine(lines.line(3, nonce).trimEnd());
      if (!parsed.ok || parsed.request.method !== 'mining.submit') throw new Error('unparsed');
      const lookup = { kind: 'active', job: job.work } as const;
      const verdict = validateShare(lookup, parsed.request, session, START_MS, sha256d);
      expect(verdict.kind).toBe('accepted');
      if (verdict.kind === 'accepted') session.seen.add(verdict.key);
      expect(validateShare(lookup, parsed.request, session, START_MS, sha256d)).toEqual({
        kind: 'rejected',
        reason: 'duplicate',
      });
      expect(lines.isSolution(nonce)).toBe(true);
    }
  });
});
