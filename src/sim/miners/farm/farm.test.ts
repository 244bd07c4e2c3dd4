import { afterEach, describe, expect, it } from 'vitest';
import { headerForShare } from '../../../pool/core/block/job.js';
import { hashToBigInt } from '../../../pool/core/bytes.js';
import {
  SHA256D_DIFF1,
  difficultyFrom,
  hashMeetsDifficulty,
} from '../../../pool/core/difficulty/index.js';
import { sha256d } from '../../../pool/core/hash.js';
import { createWorld, type World } from './farm.fixtures.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The pool's default BIP 310 mask (stratum config versionMask). */
const POOL_VERSION_MASK = 0x1fffe000;

/**
 * Hobby and CPU units, each shrunk to about 5 H/s so that vardiff settles near the pool's
 * minimum difficulty (a few sha256d hashes a share): hours of pool life in a few seconds.
 */
const MIX = [
  { profile: 'bitaxe-gamma', count: 4, hashrateScale: 4e-12 },
  { profile: 'nerdminer-v2', count: 4, hashrateScale: 1e-4 },
  { profile: 'cpu-generic', count: 4, hashrateScale: 1e-7 },
] as const;

describe('Farm on the full pool and a steady simulated chain (protocol fidelity)', () => {
  it('an honest farm gets at least 99% of its shares accepted over two hours', async () => {
    // Arrange
    world = await createWorld();
    const farm = world.farm({ id: 'honest', seed: 1, groups: [...MIX] });
    // Act
    farm.start();
    await world.vt.advanceBy(2 * 3600_000);
    // Assert
    const report = farm.report();
    expect(world.sim.tip.height).toBeGreaterThan(5);
    expect(report.submitted).toBeGreaterThan(1000);
    expect(report.acceptance).toBeGreaterThanOrEqual(0.99);
    expect(report.saturation.saturated).toBe(false);
    expect(report.hashrate.effective / report.hashrate.nominal).toBeGreaterThan(0.8);
    expect(report.hashrate.effective / report.hashrate.nominal).toBeLessThan(1.2);
    expect(world.pool.book.stats().accepted).toBe(report.accepted);
  });

  it('sends real solutions: a sample re-verified with the pool-side header code and sha256d', async () => {
    // Arrange
    world = await createWorld();
    const farm = world.farm({ id: 'verify', seed: 2, groups: [...MIX] });
    farm.start();
    await world.vt.advanceBy(600_000);
    // Act
    const accepted = farm
      .truths()
      .flatMap((t) => t.shares.filter((s) => s.answer.kind === 'accepted'));
    const sample = accepted.filter((_, i) => i % 7 === 0);
    // Assert: rebuilt by the pool's code from the job the pool kept, hashed afresh
    let verified = 0;
    for (const share of sample) {
      const lookup = world.pool.jobs.lookup(share.jobId);
      if (lookup.kind === 'unknown') continue;
      const job = lookup.job;
      const bits = share.versionBits === undefined ? 0 : parseInt(share.versionBits, 16);
      const { header } = headerForShare(
        job,
        Buffer.from(share.extranonce1, 'hex'),
        Buffer.from(share.extranonce2, 'hex'),
        parseInt(share.ntime, 16),
        parseInt(share.nonce, 16),
        ((job.version & ~POOL_VERSION_MASK) | (bits & POOL_VERSION_MASK)) >>> 0,
      );
      const hash = hashToBigInt(sha256d(header));
      expect(hash.toString(16).padStart(64, '0')).toBe(share.hash);
      expect(hashMeetsDifficulty(hash, SHA256D_DIFF1, difficultyFrom(share.difficulty))).toBe(true);
      verified++;
    }
    expect(verified).toBeGreaterThan(20);
  });

  it('replays exactly: the same seed gives the same ground truth, another seed does not', async () => {
    // Arrange
    const run = async (seed: number): Promise<string> => {
      const w = await createWorld({}, `world-${seed}`);
      const farm = w.farm({ id: 'replay', seed, groups: [...MIX] });
      farm.start();
      await w.vt.advanceBy(900_000);
      const truth = JSON.stringify(farm.truths());
      await w.close();
      return truth;
    };
    // Act
    const a = await run(7);
    const b = await run(7);
    const c = await run(8);
    // Assert
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});
