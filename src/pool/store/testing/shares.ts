import type { AcceptedShare } from '../../stratum/ports.js';
import type { NetworkConfig } from '../books/network-repository.js';

let networks = 0;

/**
 * A network id no other test of this process uses, so tests can share one store (and one
 * PGlite start-up) and still never see each other's rows.
 */
export function uniqueNetwork(label: string): string {
  networks++;
  return `${label}-${networks}`;
}

export function networkConfig(id: string, overrides: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    id,
    coin: 'litecoin',
    algorithm: 'scrypt',
    daemons: [{ url: 'http://127.0.0.1:19332/' }],
    ports: [{ port: 3333, difficulty: '0.001' }],
    payout: {
      scheme: 'pplns',
      window: { num: 2n, den: 1n },
      feeBps: 100,
      minPayoutSats: 100_000n,
      maturityDepth: 100,
    },
    ...overrides,
  };
}

/** An accepted share; `i` makes its job id unique so the test can find it again. */
export function share(
  network: string,
  i: number,
  overrides: Partial<AcceptedShare> = {},
): AcceptedShare {
  return {
    network,
    address: `addr-${i % 5}`,
    worker: `rig${i % 3}`,
    sessionId: '0a0b0c0d',
    jobId: `job-${i}`,
    difficulty: { num: 1n, den: 1000n },
    work: 4_294_967n + BigInt(i),
    hash: (1n << 200n) + BigInt(i),
    timeMs: 1_700_000_000_000 + i,
    verdict: 'accepted',
    ...overrides,
  };
}
