import { pino } from 'pino';
import { encodeAddress, witnessScript } from '../../../pool/core/address/index.js';
import { createDefaultRegistry } from '../../../pool/core/algorithms/index.js';
import { SIM_SHA256D_COIN } from '../../../pool/core/coins/index.js';
import { sha256d } from '../../../pool/core/hash.js';
import { createPool, type Pool } from '../../../pool/pool.js';
import type { StratumConfigInput } from '../../../pool/stratum/config.js';
import { createRng, VirtualTime } from '../../../runtime/index.js';
import { ChainSim } from '../../chain/chain-sim.js';
import { InProcessChainNode } from '../../chain/in-process-node.js';
import { memoryConnector } from '../client/connector.js';
import { Farm } from './farm.js';
import { farmSpec, type FarmSpecInput } from './farm-spec.js';

/** 2023-11-14, any fixed start works. */
export const WORLD_START_MS = 1_700_000_000_000;
const POOL_ADDRESS = encodeAddress(
  witnessScript(0, Buffer.alloc(20, 0x11)),
  SIM_SHA256D_COIN.address,
);
export const MINER_ADDRESS = encodeAddress(
  witnessScript(0, Buffer.alloc(20, 0x22)),
  SIM_SHA256D_COIN.address,
);

/** Difficulty 1 of the sim coin: a block every 10 minutes at this external hashrate. */
const EXTERNAL_HASHRATE = 2 ** 32 / 600;

/** The full pool on a simulated sha256d chain, all on one virtual clock. */
export interface World {
  readonly vt: VirtualTime;
  readonly sim: ChainSim;
  readonly pool: Pool;
  farm(input: Omit<FarmSpecInput, 'algorithm' | 'address'>): Farm;
  close(): Promise<void>;
}

export async function createWorld(
  stratum: Omit<StratumConfigInput, 'network'> = {},
  seed = 'world',
): Promise<World> {
  const vt = new VirtualTime(WORLD_START_MS);
  const rng = createRng(seed);
  const sim = new ChainSim({
    coin: SIM_SHA256D_COIN,
    scheduler: vt,
    rng: rng.fork('chain'),
    powHash: sha256d,
    externalMiners: [{ id: 'rest-of-network', hashrate: EXTERNAL_HASHRATE }],
  });
  const pool = createPool({
    coin: SIM_SHA256D_COIN,
    node: new InProcessChainNode(sim, vt),
    algorithms: await createDefaultRegistry(),
    payoutAddress: POOL_ADDRESS,
    stratum: { difficulty: { start: '0.0000001', min: '0.000000001', max: '1' }, ...stratum },
    scheduler: vt,
    logger: pino({ level: 'silent' }),
  });
  sim.start();
  const started = pool.start();
  await vt.advanceBy(1_000);
  await started;
  const sha = (await createDefaultRegistry()).require('sha256d');
  const farms: Farm[] = [];
  return {
    vt,
    sim,
    pool,
    farm(input) {
      const farm = new Farm(farmSpec({ ...input, algorithm: 'sha256d', address: MINER_ADDRESS }), {
        scheduler: vt,
        pow: sha,
        connector: (i) =>
          memoryConnector(
            (end, peer) => pool.server.attach(end, { remoteAddress: peer }),
            `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
          ),
        fidelity: 'protocol',
        latencyClock: () => vt.nowMs(),
        cpuClock: () => 0,
      });
      farms.push(farm);
      return farm;
    },
    async close() {
      await Promise.all(farms.map((f) => f.stop()));
      sim.stop();
      const closing = pool.close();
      await vt.advanceBy(10_000);
      await closing;
    },
  };
}
