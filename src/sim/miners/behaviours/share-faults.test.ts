import { afterEach, describe, expect, it } from 'vitest';
import { poolJob } from '../../../pool/stratum/stratum.fixtures.js';
import { createPoolBench, type PoolBench } from '../miner/miner.fixtures.js';
import { ANTMINER_S19 } from '../profiles/catalogue.js';
import { badNonce } from './bad-nonce.js';
import { foreignJob } from './foreign-job.js';
import { garbageProof } from './garbage-proof.js';
import { honest } from './honest.js';
import { lowDifficulty } from './low-difficulty.js';
import { ntimeOutOfRange } from './ntime-out-of-range.js';
import { duplicateShares } from './duplicate-shares.js';
import { staleShares } from './stale-shares.js';
import type { Behaviour } from './types.js';
import { unauthorizedWorker } from './unauthorized-worker.js';
import { judgeBehaviour } from './verdict.js';
import { versionOutsideMask } from './version-outside-mask.js';
import { wrongExtranonce2Size } from './wrong-extranonce2-size.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** One miner with the behaviour mines against our server for `ms` of virtual time. */
async function mine(behaviour: Behaviour, ms: number, profile = ANTMINER_S19) {
  bench = createPoolBench();
  const miner = bench.miner({ behaviour, profile });
  miner.start();
  await bench.vt.advanceBy(ms);
  return miner.snapshot();
}

describe('share behaviours against our Stratum server (each gets its catalogue response)', () => {
  it('honest: every share accepted, version bits rolled inside the mask', async () => {
    const truth = await mine(honest, 300_000);
    expect(judgeBehaviour(honest.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.length).toBeGreaterThan(20);
    expect(new Set(truth.shares.map((s) => s.versionBits)).size).toBeGreaterThan(10);
  });

  it('duplicate-shares: every resubmission, exact or upper-case, is refused with 22', async () => {
    const truth = await mine(duplicateShares, 120_000);
    expect(judgeBehaviour(duplicateShares.expected, [truth])).toMatchObject({ ok: true });
    const dups = truth.shares.filter((s) => s.intent === 'duplicate');
    expect(dups.some((s) => /[A-F]/.test(s.nonce + s.extranonce2))).toBe(true);
    expect(
      truth.shares.filter((s) => s.intent === 'honest').every((s) => s.answer.kind === 'accepted'),
    ).toBe(true);
  });

  it('stale-shares: a real share of the dropped job after a new tip is refused with 21', async () => {
    // Arrange
    bench = createPoolBench();
    const miner = bench.miner({ behaviour: staleShares });
    miner.start();
    await bench.vt.advanceBy(30_000);
    // Act
    bench.jobs.publish(poolJob('j2', true));
    await bench.vt.advanceBy(30_000);
    bench.jobs.publish(poolJob('j3', true));
    await bench.vt.advanceBy(30_000);
    // Assert
    const truth = miner.snapshot();
    expect(judgeBehaviour(staleShares.expected, [truth])).toMatchObject({ ok: true, evidence: 2 });
    // One stale share per dropped job (j1, then j2, or the ids the pool re-sent them under
    // after a difficulty change), never one for the job in force.
    const stale = truth.shares.filter((s) => s.intent === 'stale').map((s) => s.jobId);
    expect(stale).toHaveLength(2);
    expect(new Set(stale).size).toBe(2);
    expect(stale).not.toContain('j3');
  });

  it('low-difficulty: shares ground at 1/1000 of the difficulty are refused with 23', async () => {
    const truth = await mine(lowDifficulty, 60_000);
    expect(judgeBehaviour(lowDifficulty.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.every((s) => !s.meetsShareTarget)).toBe(true);
  });

  it('garbage-proof: hashes that miss the target are refused with 23', async () => {
    const truth = await mine(garbageProof, 60_000);
    expect(judgeBehaviour(garbageProof.expected, [truth])).toMatchObject({ ok: true });
  });

  it('bad-nonce: mangled nonce fields are refused with 20', async () => {
    const truth = await mine(badNonce, 60_000);
    expect(judgeBehaviour(badNonce.expected, [truth])).toMatchObject({ ok: true });
    expect(new Set(truth.shares.map((s) => s.nonce)).size).toBe(4);
  });

  it('ntime-out-of-range: real solutions 3 h ahead or a day behind are refused with 20', async () => {
    const truth = await mine(ntimeOutOfRange, 60_000);
    expect(judgeBehaviour(ntimeOutOfRange.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.every((s) => s.meetsShareTarget)).toBe(true);
  });

  it('wrong-extranonce2-size: extranonce2 one byte off is refused with 20', async () => {
    const truth = await mine(wrongExtranonce2Size, 60_000);
    expect(judgeBehaviour(wrongExtranonce2Size.expected, [truth])).toMatchObject({ ok: true });
  });

  it('version-outside-mask: rolled bits outside the negotiated mask are refused with 20', async () => {
    const truth = await mine(versionOutsideMask, 60_000);
    expect(judgeBehaviour(versionOutsideMask.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.shares.every((s) => s.versionBits === '40000000')).toBe(true);
  });

  it('foreign-job: a real solution of a job only another session was sent is refused with 21', async () => {
    // Arrange: j1 goes to the honest miner only; the foreign miner connects after j2
    bench = createPoolBench();
    bench.miner().start();
    await bench.vt.advanceBy(10_000);
    bench.jobs.publish(poolJob('j2', false));
    const thief = bench.miner({ behaviour: foreignJob });
    // Act
    thief.start();
    await bench.vt.advanceBy(60_000);
    // Assert
    const truth = thief.snapshot();
    expect(judgeBehaviour(foreignJob.expected, [truth])).toMatchObject({ ok: true });
    // Mined on what only the honest miner was sent (j1, or an id j1 was re-sent under), never j2.
    expect(truth.shares.length).toBeGreaterThan(0);
    expect(truth.shares.every((s) => s.jobId !== 'j2')).toBe(true);
  });

  it('unauthorized-worker: shares named for a worker never authorized are refused with 24', async () => {
    const truth = await mine(unauthorizedWorker, 60_000);
    expect(judgeBehaviour(unauthorizedWorker.expected, [truth])).toMatchObject({ ok: true });
  });
});
