import { afterEach, describe, expect, it } from 'vitest';
import { poolJob, START_MS } from '../../../pool/stratum/stratum.fixtures.js';
import { scryptNodeCrypto } from '../../../pool/core/algorithms/index.js';
import { sha256dHasher } from '../../../pool/stratum/stratum.fixtures.js';
import { createRng, VirtualTime } from '../../../runtime/index.js';
import { ANTMINER_L7, ANTMINER_S19, GPU_MIDRANGE } from '../profiles/catalogue.js';
import { createPoolBench, NULL_OBSERVER, type PoolBench } from './miner.fixtures.js';
import { DEFAULT_GRIND_LIMITS } from './miner-spec.js';
import { ShareClock } from './share-clock.js';
import { VirtualMiner } from './virtual-miner.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

describe('VirtualMiner', () => {
  it('connects, authorizes and submits real shares that the pool accepts', async () => {
    // Arrange
    bench = createPoolBench();
    const miner = bench.miner();
    // Act
    miner.start();
    await bench.vt.advanceBy(600_000);
    // Assert
    const truth = miner.snapshot();
    expect(truth.sessions[0]).toMatchObject({ handshake: 'authorized', closedAtMs: undefined });
    expect(truth.shares.length).toBeGreaterThan(20);
    expect(truth.shares.every((s) => s.answer.kind === 'accepted')).toBe(true);
    expect(bench.sink.accepted).toHaveLength(truth.shares.length);
  });

  it('drops old work on clean_jobs and mines the new job', async () => {
    // Arrange
    bench = createPoolBench();
    const miner = bench.miner();
    miner.start();
    await bench.vt.advanceBy(120_000);
    const before = new Set(miner.snapshot().shares.map((s) => s.jobId));
    // Act
    bench.jobs.publish(poolJob('j2', true));
    await bench.vt.advanceBy(300_000);
    // Assert: nothing more on j1 (nor on an id it was re-sent under), all of it accepted
    const after = miner.snapshot().shares.filter((s) => s.sentAtMs! > bench!.vt.nowMs() - 299_000);
    expect(after.length).toBeGreaterThan(5);
    expect(before.has('j1')).toBe(true);
    expect(after.some((s) => s.jobId === 'j2')).toBe(true);
    expect(after.every((s) => !before.has(s.jobId) && s.answer.kind === 'accepted')).toBe(true);
  });
});

describe('VirtualMiner and work voided by a clean notify', () => {
  /**
   * A miner whose pool sends a new job at the moment the miner finds its first share after
   * 10 s: the pool has replaced the share's job before the share goes out, and the notify
   * saying so is already on its way (a farm thread busy grinding has not read it yet).
   */
  function racingMiner(b: PoolBench, clean: boolean) {
    const discarded: string[] = [];
    let published = false;
    const miner = b.miner({
      observer: {
        ...NULL_OBSERVER,
        lag: () => {
          if (published || b.vt.nowMs() < START_MS + 10_000) return;
          published = true;
          b.jobs.publish(poolJob('j2', clean));
        },
        discarded: (share) => discarded.push(share.solution.job.jobId),
      },
    });
    return { miner, discarded };
  }

  it('discards a share found on a job that a clean notify has since voided', async () => {
    // Arrange
    bench = createPoolBench();
    const { miner, discarded } = racingMiner(bench, true);
    // Act
    miner.start();
    await bench.vt.advanceBy(60_000);
    // Assert: the share on j1 never went out; nothing was refused as stale
    const shares = miner.snapshot().shares;
    expect(discarded).toEqual(['j1']);
    expect(shares.filter((s) => s.jobId === 'j2').length).toBeGreaterThan(5);
    expect(shares.every((s) => s.answer.kind === 'accepted')).toBe(true);
  });

  it('still sends it after a refresh that is not clean: the older job stays valid', async () => {
    // Arrange
    bench = createPoolBench();
    const { miner, discarded } = racingMiner(bench, false);
    // Act
    miner.start();
    await bench.vt.advanceBy(60_000);
    // Assert
    const shares = miner.snapshot().shares;
    const late = shares.filter((s) => s.jobId === 'j1' && s.dueAtMs >= START_MS + 10_000);
    expect(discarded).toEqual([]);
    expect(late).toHaveLength(1);
    expect(shares.every((s) => s.answer.kind === 'accepted')).toBe(true);
  });
});

describe('VirtualMiner and a new extranonce1', () => {
  it('follows mining.set_extranonce without reconnecting when it subscribed to it', async () => {
    // Arrange: gpu-midrange sends mining.extranonce.subscribe
    bench = createPoolBench();
    const miner = bench.miner({ profile: GPU_MIDRANGE });
    miner.start();
    await bench.vt.advanceBy(120_000);
    const before = bench.sink.accepted.length;
    const firstSession = bench.sink.accepted[0]?.sessionId;
    // Act
    const moved = bench.server.renewExtranonces();
    await bench.vt.advanceBy(300_000);
    // Assert: same connection, new extranonce1, its shares still accepted
    const truth = miner.snapshot();
    expect(moved).toEqual({ renewed: 1, reconnected: 0 });
    expect(truth.sessions).toHaveLength(1);
    const after = bench.sink.accepted.slice(before);
    expect(after.length).toBeGreaterThan(5);
    expect(after.every((s) => s.sessionId !== firstSession)).toBe(true);
    expect(truth.shares.filter((s) => s.answer.kind !== 'accepted').length).toBeLessThanOrEqual(1);
  });

  it('reconnects when the pool asks one that cannot follow', async () => {
    bench = createPoolBench();
    const miner = bench.miner();
    miner.start();
    await bench.vt.advanceBy(60_000);
    const moved = bench.server.renewExtranonces();
    await bench.vt.advanceBy(60_000);
    expect(moved).toEqual({ renewed: 0, reconnected: 1 });
    expect(miner.snapshot().sessions.map((s) => s.closedBy)).toEqual(['pool', undefined]);
  });
});

describe('VirtualMiner connections', () => {
  it('obeys client.reconnect: leaves, comes back at once and mines again', async () => {
    // Arrange
    bench = createPoolBench();
    const miner = bench.miner();
    miner.start();
    await bench.vt.advanceBy(10_000);
    // Act
    bench.server.reconnectAll();
    await bench.vt.advanceBy(10_000);
    // Assert
    const sessions = miner.snapshot().sessions;
    expect(sessions.map((s) => [s.handshake, s.closedBy])).toEqual([
      ['authorized', 'pool'],
      ['authorized', undefined],
    ]);
    expect(miner.snapshot().shares.filter((s) => s.session === 2).length).toBeGreaterThan(0);
  });

  it("retries a pool it cannot reach on its firmware's back-off (cgminer: 5 s doubling)", async () => {
    // Arrange
    bench = createPoolBench();
    const miner = new VirtualMiner(
      { ...bench.miner().spec, id: 'offline', profile: ANTMINER_S19 },
      {
        connector: {
          label: 'nowhere',
          connect: () => Promise.reject(new Error('ECONNREFUSED')),
          redirect() {
            return this;
          },
        },
        scheduler: bench.vt,
        rng: createRng('offline'),
        pow: sha256dHasher,
        latencyClock: () => bench!.vt.nowMs(),
        meter: bench.meter,
        limits: DEFAULT_GRIND_LIMITS,
        board: bench.board,
        observer: NULL_OBSERVER,
        keepTruth: true,
      },
    );
    // Act
    miner.start();
    await bench.vt.advanceBy(120_000);
    await miner.stop();
    // Assert
    const at = miner.snapshot().connectFailures.map((f) => f.atMs);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    [5_000, 10_000, 20_000, 40_000].forEach((base, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(base * 0.8);
      expect(gaps[i]).toBeLessThanOrEqual(base * 1.2);
    });
  });

  it('mines scrypt with real scrypt(1024,1,1) shares that a scrypt pool accepts', async () => {
    // Arrange: an L7 shrunk to ~30 H/s against a pool judging scrypt
    bench = createPoolBench({
      pow: scryptNodeCrypto,
      config: { difficulty: { start: 0.0001, min: 0.00001, max: 1 } },
    });
    const miner = bench.miner({ profile: ANTMINER_L7, hashrate: 30 });
    // Act
    miner.start();
    await bench.vt.advanceBy(120_000);
    // Assert
    const shares = miner.snapshot().shares;
    expect(shares.length).toBeGreaterThan(10);
    expect(shares.every((s) => s.answer.kind === 'accepted')).toBe(true);
  });
});

describe('ShareClock', () => {
  it('ticks as a Poisson process with the asked mean (seeded, 4,000 shares, 3% band)', async () => {
    // Arrange
    const vt = new VirtualTime(0);
    const due: number[] = [];
    const clock = new ShareClock(vt, createRng('clock'), (at) => due.push(at));
    // Act
    clock.run(1_000);
    await vt.advanceTo(4_000_000);
    clock.stop();
    // Assert
    expect(due.length).toBeGreaterThan(4_000 * 0.97);
    expect(due.length).toBeLessThan(4_000 * 1.03);
    expect(vt.pending).toBe(0);
  });
});
