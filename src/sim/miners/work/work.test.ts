import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerForShare } from '../../../pool/core/block/job.js';
import { hashToBigInt } from '../../../pool/core/bytes.js';
import {
  SCRYPT_DIFF1,
  SHA256D_DIFF1,
  difficultyFrom,
  targetFromDifficulty,
} from '../../../pool/core/difficulty/index.js';
import { sha256d } from '../../../pool/core/hash.js';
import { jobFrom, vectorTemplate } from '../../../pool/core/shares/share.fixtures.js';
import { grind } from './grind.js';
import { headerFor, minerJobFrom } from './miner-job.js';
import { SearchSpace, deposit } from './search-space.js';
import { expectedHashes, hashValue, meetsTarget, shareTargetOf, targetBytesLE } from './targets.js';

const TEMPLATE = vectorTemplate('litecoind-0.21-h102.json');
const POOL_JOB = jobFrom(TEMPLATE);
const NOTIFY = { jobId: 'j1', ...POOL_JOB.notify, cleanJobs: true };
const word = fc.integer({ min: 0, max: 0xffffffff });

describe('miner-side work, written from the notify text alone', () => {
  it('property: builds the same header as the pool for any extranonces, ntime and version', () => {
    fc.assert(
      fc.property(word, word, word, word, (en1, en2, ntime, version) => {
        // Arrange
        const job = minerJobFrom(NOTIFY, 0);
        const e1 = Buffer.alloc(4);
        const e2 = Buffer.alloc(4);
        e1.writeUInt32BE(en1);
        e2.writeUInt32BE(en2);
        // Act
        const mine = headerFor(job, e1, e2, ntime, version);
        const pools = headerForShare(POOL_JOB, e1, e2, ntime, 0, version).header;
        // Assert
        expect(mine.toString('hex')).toBe(pools.toString('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('reads the network target from nbits', () => {
    expect(minerJobFrom(NOTIFY, 0).networkTarget).toBe(TEMPLATE.target);
  });

  it('property: the miner target of a wire difficulty never exceeds the pool target of it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e9, noNaN: true }),
        fc.constantFrom(SHA256D_DIFF1, SCRYPT_DIFF1),
        (d, diff1) => {
          const pool = targetFromDifficulty(diff1, difficultyFrom(d));
          const mine = shareTargetOf(diff1, d);
          expect(mine).toBeLessThanOrEqual(pool);
          expect(mine).toBeGreaterThan(pool - (pool >> 39n) - 2n);
        },
      ),
    );
  });

  it('property: the byte comparison agrees with comparing the numbers', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.bigInt({ min: 1n, max: (1n << 256n) - 1n }),
        (hash, target) => {
          expect(meetsTarget(hash, targetBytesLE(target))).toBe(hashValue(hash) <= target);
        },
      ),
    );
  });

  it('counts ~2^32 hashes a share at sha256d difficulty 1 and ~65,537 at scrypt difficulty 1', () => {
    expect(expectedHashes(shareTargetOf(SHA256D_DIFF1, 1)) / 2 ** 32).toBeCloseTo(1, 4);
    expect(expectedHashes(shareTargetOf(SCRYPT_DIFF1, 1))).toBeCloseTo(65_537, -1);
  });

  it('grinds to a nonce whose sha256d meets the target, within a budget, and stops at 2^32', () => {
    // Arrange
    const header = headerFor(
      minerJobFrom(NOTIFY, 0),
      Buffer.alloc(4),
      Buffer.alloc(4),
      0,
      0x20000000,
    );
    const target = targetBytesLE(shareTargetOf(SHA256D_DIFF1, 1e-8));
    // Act
    const found = grind(header, sha256d, (h) => meetsTarget(h, target), 0, 100_000);
    const budget = grind(header, sha256d, () => false, 0, 10);
    const wrapped = grind(header, sha256d, () => false, 0xfffffffe, 10);
    // Assert
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    header.writeUInt32LE(found.nonce, 76);
    expect(hashToBigInt(sha256d(header)) <= shareTargetOf(SHA256D_DIFF1, 1e-8)).toBe(true);
    expect(budget).toEqual({ kind: 'budget', nextNonce: 10, hashes: 10 });
    expect(wrapped).toEqual({ kind: 'wrapped', hashes: 2 });
  });

  it('never repeats a solution: successive shares move on, rolled bits stay in the mask', () => {
    // Arrange
    const search = new SearchSpace(sha256d, 0x1fffe000);
    const job = minerJobFrom(NOTIFY, 0);
    const target = targetBytesLE(shareTargetOf(SHA256D_DIFF1, 1e-8));
    // Act
    const keys = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const r = search.grind(job, '0a000001', 4, (h) => meetsTarget(h, target), 100_000);
      if (r.kind !== 'found') throw new Error('no share');
      const s = r.solution;
      keys.add(`${s.extranonce2}|${s.nonce}|${s.versionBits}`);
      expect(parseInt(s.versionBits!, 16) & ~0x1fffe000).toBe(0);
    }
    // Assert
    expect(keys.size).toBe(50);
  });

  it('property: deposit spreads a counter over the mask bits only, one pattern per counter', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0xffff }),
        fc.integer({ min: 1, max: 0xffff }),
        (a, b) => {
          const mask = 0x1fffe000;
          expect(deposit(a, mask) & ~mask).toBe(0);
          if (a !== b) expect(deposit(a, mask)).not.toBe(deposit(b, mask));
        },
      ),
    );
  });
});
