import { z } from 'zod';
import type { NetworkRecord } from '../../pool/store/books/network-repository.js';
import type { NetworkLiveStats } from '../ports.js';
import { amount } from '../http/schema.js';

export const networkView = z.object({
  id: z.string(),
  coin: z.string(),
  algorithm: z.string(),
  active: z.boolean(),
  poolHashrate: z.number().describe('H/s'),
  networkHashrate: z.number().nullable(),
  networkDifficulty: z.string().nullable(),
  height: z.int().nullable(),
  minersOnline: z.int(),
  workersOnline: z.int(),
  blocksFound: z.object({ pending: z.int(), confirmed: z.int(), orphaned: z.int() }),
  roundEffort: z.number().nullable().describe('work since the last block / expected (1 = 100 %)'),
  payout: z.object({
    scheme: z.string(),
    feeBps: z.int(),
    minPayoutSats: amount,
    maturityDepth: z.int(),
    window: z.string().describe('PPLNS window as a multiple of the work per block, num/den'),
  }),
  ports: z.array(z.object({ port: z.int(), difficulty: z.string() })),
});
export type NetworkView = z.input<typeof networkView>;

type Counts = Readonly<Record<'pending' | 'confirmed' | 'orphaned', number>>;

export function viewOf(
  record: NetworkRecord,
  live: NetworkLiveStats | undefined,
  blocks: Counts,
): NetworkView {
  return {
    id: record.id,
    coin: record.coin,
    algorithm: record.algorithm,
    active: record.active,
    poolHashrate: live?.poolHashrate ?? 0,
    networkHashrate: live?.networkHashrate ?? null,
    networkDifficulty: live?.networkDifficulty ?? null,
    height: live?.height ?? null,
    minersOnline: live?.minersOnline ?? 0,
    workersOnline: live?.workersOnline ?? 0,
    blocksFound: blocks,
    roundEffort: live?.roundEffort ?? null,
    payout: {
      scheme: record.payout.scheme,
      feeBps: record.payout.feeBps,
      minPayoutSats: record.payout.minPayoutSats.toString(),
      maturityDepth: record.payout.maturityDepth,
      window: `${record.payout.window.num}/${record.payout.window.den}`,
    },
    ports: (live?.ports ?? record.ports).map((p) => ({ port: p.port, difficulty: p.difficulty })),
  };
}
