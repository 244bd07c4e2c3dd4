import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToBigInt } from '../bytes.js';
import { difficultyFrom, targetFromDifficulty } from '../difficulty/difficulty.js';
import { sha256d } from '../hash.js';
import { REJECT_REASONS, STRATUM_ERROR_FOR } from './reasons.js';
import { jobFrom, minerHeader, sha256dHasher, vectorTemplate } from './share.fixtures.js';
import type { RawSubmission } from './submission.js';
import { validateShare, type JobLookup, type ShareSession } from './validate-share.js';

const template = vectorTemplate('litecoind-0.21-h102.json');
// A network target far below any share's: no share in these tests is a block unless asked.
const job = jobFrom(template, { target: 1n });
const active: JobLookup = { kind: 'active', job };
const EN1 = Buffer.from('0a0b0c0d', 'hex');
const NOW_MS = (template.curTime + 30) * 1000;
const ntimeHex = template.curTime.toString(16).padStart(8, '0');
const easy = difficultyFrom('0.00000001');

function session(overrides: Partial<ShareSession> = {}): ShareSession {
  return {
    extranonce1: EN1,
    extranonce2Size: 4,
    versionMask: 0,
    jobDifficulty: easy,
    seen: new Set<string>(),
    ...overrides,
  };
}

function submit(overrides: Partial<RawSubmission> = {}): RawSubmission {
  return { jobId: 'j1', extranonce2: '00000001', ntime: ntimeHex, nonce: '00000000', ...overrides };
}

/** Grinds nonces (as a miner would) until the share meets `difficulty` under `lookup`. */
function mine(
  lookup: JobLookup,
  s: ShareSession,
  base: Partial<RawSubmission> = {},
): RawSubmission {
  for (let nonce = 0; nonce < 1_000_000; nonce++) {
    const raw = submit({ ...base, nonce: nonce.toString(16).padStart(8, '0') });
    const v = validateShare(lookup, raw, s, NOW_MS, sha256dHasher);
    if (v.kind !== 'rejected') return raw;
  }
  throw new Error('no share found in 1e6 nonces');
}

describe('validateShare', () => {
  it('accepts a real solution and rebuilds exactly the header the miner hashed', () => {
    // Arrange
    const raw = mine(active, session());
    // Act
    const v = validateShare(active, raw, session(), NOW_MS, sha256dHasher);
    // Assert
    expect(v.kind).toBe('accepted');
    if (v.kind !== 'accepted') return;
    const header = minerHeader(
      job,
      EN1.toString('hex'),
      raw.extranonce2,
      raw.ntime,
      raw.nonce,
      job.notify.version,
    );
    expect(v.header.equals(header)).toBe(true);
    expect(v.hash).toBe(hashToBigInt(sha256d(header)));
    expect(v.hash <= targetFromDifficulty(sha256dHasher.diff1Target, easy)).toBe(true);
    expect(v.work).toBeGreaterThan(0n);
  });

  it('rejects unknown and stale jobs before anything else', () => {
    expect(validateShare({ kind: 'unknown' }, submit(), session(), NOW_MS, sha256dHasher)).toEqual({
      kind: 'rejected',
      reason: 'unknown-job',
    });
    expect(
      validateShare({ kind: 'stale', job }, submit(), session(), NOW_MS, sha256dHasher),
    ).toEqual({
      kind: 'rejected',
      reason: 'stale-job',
    });
  });

  it.each([
    [{ extranonce2: '0000001' }, 'malformed-extranonce2'],
    [{ extranonce2: '0000zz01' }, 'malformed-extranonce2'],
    [{ extranonce2: '000001' }, 'bad-extranonce2-size'],
    [{ extranonce2: '0000000001' }, 'bad-extranonce2-size'],
    [{ ntime: '5e2f' }, 'malformed-ntime'],
    [{ ntime: 'xxxxxxxx' }, 'malformed-ntime'],
    [{ nonce: '0x000000' }, 'malformed-nonce'],
    [{ nonce: '000000000' }, 'malformed-nonce'],
    [{ versionBits: '2000' }, 'malformed-version'],
  ] as const)('rejects %j as %s', (fields, reason) => {
    expect(validateShare(active, submit(fields), session(), NOW_MS, sha256dHasher)).toEqual({
      kind: 'rejected',
      reason,
    });
  });

  it('rejects ntime before the template mintime or too far after now', () => {
    const early = (template.minTime - 1).toString(16).padStart(8, '0');
    const late = (NOW_MS / 1000 + 7001).toString(16).padStart(8, '0');
    for (const ntime of [early, late]) {
      const v = validateShare(active, submit({ ntime }), session(), NOW_MS, sha256dHasher);
      expect(v).toEqual({ kind: 'rejected', reason: 'ntime-out-of-range' });
    }
  });

  it('rolls version bits inside the negotiated mask and refuses bits outside it', () => {
    // Arrange
    const mask = 0x1fffe000;
    const s = session({ versionMask: mask });
    const raw = mine(active, s, { versionBits: '00002000' });
    // Act
    const inside = validateShare(active, raw, s, NOW_MS, sha256dHasher);
    const outside = validateShare(
      active,
      { ...raw, versionBits: '40000000' },
      s,
      NOW_MS,
      sha256dHasher,
    );
    const noMask = validateShare(active, raw, session(), NOW_MS, sha256dHasher);
    // Assert
    expect(inside.kind).toBe('accepted');
    if (inside.kind === 'accepted') expect(inside.version).toBe((job.version | 0x2000) >>> 0);
    expect(outside).toEqual({ kind: 'rejected', reason: 'version-outside-mask' });
    expect(noMask).toEqual({ kind: 'rejected', reason: 'version-outside-mask' });
  });

  it('finds duplicates across case and spelling variants of the same share', () => {
    // Arrange
    const raw = mine(active, session(), { extranonce2: 'abcdef01' });
    const first = validateShare(active, raw, session(), NOW_MS, sha256dHasher);
    if (first.kind === 'rejected') throw new Error('fixture share rejected');
    const seen = new Set([first.key]);
    const variant = {
      ...raw,
      extranonce2: raw.extranonce2.toUpperCase(),
      nonce: raw.nonce.toUpperCase(),
      ntime: raw.ntime.toUpperCase(),
    };
    // Act
    const again = validateShare(active, variant, session({ seen }), NOW_MS, sha256dHasher);
    // Assert
    expect(again).toEqual({ kind: 'rejected', reason: 'duplicate' });
  });

  it('rejects a share that misses the difficulty in force for its job', () => {
    const s = session({ jobDifficulty: difficultyFrom(1_000_000) });
    const v = validateShare(active, submit(), s, NOW_MS, sha256dHasher);
    expect(v).toEqual({ kind: 'rejected', reason: 'low-difficulty' });
  });

  it('reports a block candidate when the hash meets the network target, even above share difficulty', () => {
    // Arrange: regtest's own target (about half of all hashes meet it), a share difficulty far higher
    const regtestJob = jobFrom(template);
    const lookup: JobLookup = { kind: 'active', job: regtestJob };
    const hard = session({ jobDifficulty: difficultyFrom(1e12) });
    // Act
    const raw = mine(lookup, hard);
    const v = validateShare(lookup, raw, hard, NOW_MS, sha256dHasher);
    // Assert
    expect(v.kind).toBe('block');
    if (v.kind !== 'block') return;
    expect(v.blockHash.equals(sha256d(v.header))).toBe(true);
    expect(v.hash <= template.target).toBe(true);
    expect(v.coinbase.subarray(0, job.coinb1.length).equals(regtestJob.coinb1)).toBe(true);
  });

  it('property: the verdict agrees with an independent miner-side check and never throws', () => {
    const hex8 = fc
      .integer({ min: 0, max: 0xffffffff })
      .map((n) => n.toString(16).padStart(8, '0'));
    const diff = fc.constantFrom('0.00000001', '0.000001', '0.0001', '1');
    fc.assert(
      fc.property(hex8, hex8, fc.boolean(), diff, (en2, nonce, upper, d) => {
        // Arrange
        const difficulty = difficultyFrom(d);
        const raw = submit({ extranonce2: upper ? en2.toUpperCase() : en2, nonce });
        // Act
        const v = validateShare(
          active,
          raw,
          session({ jobDifficulty: difficulty }),
          NOW_MS,
          sha256dHasher,
        );
        // Assert
        const header = minerHeader(
          job,
          EN1.toString('hex'),
          en2,
          ntimeHex,
          nonce,
          job.notify.version,
        );
        const meets =
          hashToBigInt(sha256d(header)) <=
          targetFromDifficulty(sha256dHasher.diff1Target, difficulty);
        expect(v.kind).toBe(meets ? 'accepted' : 'rejected');
        if (v.kind === 'rejected') expect(v.reason).toBe('low-difficulty');
      }),
    );
  });
});

describe('reject reasons', () => {
  it('map every reason to a standard Stratum code', () => {
    const expected: Record<string, number> = {
      'unknown-job': 21,
      'stale-job': 21,
      duplicate: 22,
      'low-difficulty': 23,
      'unauthorized-worker': 24,
      'not-subscribed': 25,
    };
    for (const reason of REJECT_REASONS) {
      const e = STRATUM_ERROR_FOR[reason];
      expect(e.code).toBe(expected[reason] ?? 20);
      expect(e.message.length).toBeGreaterThan(0);
    }
  });
});
