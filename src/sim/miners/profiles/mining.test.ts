import { afterEach, describe, expect, it } from 'vitest';
import {
  blake2sNodeCrypto,
  createBlake3HashWasm,
  scryptNodeCrypto,
} from '../../../pool/core/algorithms/index.js';
import type { ShareHasher } from '../../../pool/core/shares/validate-share.js';
import type { StratumConfigInput } from '../../../pool/stratum/config.js';
import { sha256dHasher } from '../../../pool/stratum/stratum.fixtures.js';
import { createPoolBench, type PoolBench } from '../miner/miner.fixtures.js';
import { ANTMINER_L9, ANTMINER_S21, CPU_SERVER, GPU_HIGHEND, ICERIVER_AL3 } from './catalogue.js';
import type { HardwareProfile } from './types.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/**
 * A pool judging each algorithm, and a shrunk unit rate that finds about a share a second
 * at its start difficulty (scrypt counts difficulty against a target 2^16 easier).
 */
const POOLS: Readonly<
  Record<
    string,
    () => Promise<{ pow: ShareHasher; hashrate: number; config?: Partial<StratumConfigInput> }>
  >
> = {
  sha256d: () => Promise.resolve({ pow: sha256dHasher, hashrate: 43 }),
  blake3: async () => ({ pow: await createBlake3HashWasm(), hashrate: 43 }),
  blake2s: () => Promise.resolve({ pow: blake2sNodeCrypto, hashrate: 43 }),
  scrypt: () =>
    Promise.resolve({
      pow: scryptNodeCrypto,
      hashrate: 30,
      config: { difficulty: { start: 0.0001, min: 0.00001, max: 1 } },
    }),
};

async function mine(profile: HardwareProfile, algorithm: string, ms: number) {
  const { pow, hashrate, config } = await POOLS[algorithm]!();
  bench = createPoolBench({ pow, ...(config === undefined ? {} : { config }) });
  const miner = bench.miner({ profile, hashrate });
  miner.start();
  await bench.vt.advanceBy(ms);
  return miner.snapshot();
}

const cases = [ANTMINER_S21, ANTMINER_L9, ICERIVER_AL3, GPU_HIGHEND, CPU_SERVER].flatMap((p) =>
  Object.keys(p.hashrate).map((alg) => [p.id, alg, p] as const),
);

describe('the newer profiles against our Stratum server', () => {
  it.each(cases)('%s mines %s: real shares, every one accepted', async (_id, alg, profile) => {
    // Act
    const truth = await mine(profile, alg, 60_000);
    // Assert
    expect(truth.sessions[0]?.handshake).toBe('authorized');
    expect(truth.shares.length).toBeGreaterThan(10);
    expect(truth.shares.filter((s) => s.answer.kind !== 'accepted')).toEqual([]);
    expect(truth.shares.every((s) => s.meetsShareTarget)).toBe(true);
  });

  it('antminer-s21 rolls version bits (overt AsicBoost) inside the BIP 320 mask', async () => {
    const truth = await mine(ANTMINER_S21, 'sha256d', 60_000);
    const bits = truth.shares.map((s) => Number.parseInt(s.versionBits ?? 'x', 16));
    expect(bits.every((b) => Number.isInteger(b) && (b & ~0x1fffe000) === 0)).toBe(true);
    expect(new Set(bits).size).toBeGreaterThan(10);
  });

  it('antminer-l9 and iceriver-al3 roll no version bits', async () => {
    const l9 = await mine(ANTMINER_L9, 'scrypt', 30_000);
    await bench?.close();
    const al3 = await mine(ICERIVER_AL3, 'blake3', 30_000);
    const rolled = [...l9.shares, ...al3.shares].filter((s) => s.versionBits !== undefined);
    expect(l9.shares.length + al3.shares.length).toBeGreaterThan(10);
    expect(rolled).toEqual([]);
  });

  it.each([
    [GPU_HIGHEND.id, GPU_HIGHEND, { renewed: 1, reconnected: 0 }, 1],
    [CPU_SERVER.id, CPU_SERVER, { renewed: 0, reconnected: 1 }, 2],
  ] as const)(
    '%s and a new extranonce1: follows it in place only if it subscribed to it',
    async (_id, profile, moved, sessions) => {
      // Arrange
      const { pow, hashrate } = await POOLS.sha256d!();
      bench = createPoolBench({ pow });
      const miner = bench.miner({ profile, hashrate });
      miner.start();
      await bench.vt.advanceBy(30_000);
      // Act
      const renewedAtMs = bench.vt.nowMs();
      const answer = bench.server.renewExtranonces();
      await bench.vt.advanceBy(60_000);
      // Assert: same or new connection, and mining on after it
      const truth = miner.snapshot();
      expect(answer).toEqual(moved);
      expect(truth.sessions).toHaveLength(sessions);
      const later = truth.shares.filter((s) => s.sentAtMs! > renewedAtMs);
      expect(later.length).toBeGreaterThan(3);
      expect(later.every((s) => s.answer.kind === 'accepted')).toBe(true);
    },
  );
});
