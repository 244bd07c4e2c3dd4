import type { Logger } from 'pino';
import type { AlgorithmRegistry, PowAlgorithm } from '../../pool/core/algorithms/index.js';
import { findCoin, type CoinParams } from '../../pool/core/coins/index.js';
import { bitsToTarget } from '../../pool/core/difficulty/index.js';
import { createPool, type Pool } from '../../pool/pool.js';
import type { Rng, VirtualTime } from '../../runtime/index.js';
import { ChainSim, InProcessChainNode, equilibriumBits } from '../../sim/chain/index.js';
import type { NetworkSpec, Scenario } from '../scenario.js';
import { labelAddress } from './addresses.js';
import { floorDifficulty, maxDecimal, scaleDecimal, scaleHashrate } from './scale.js';
import type { ScalePlan } from './scale-plan.js';

/** Regtest's proof-of-work limit: lets a shrunk world have blocks a few hashes apart. */
const EASIEST_BITS = 0x207fffff;

/** One simulated network: its chain, the node the pool talks to, its proof of work. */
export interface RunNetwork {
  readonly id: string;
  /** The catalogue coin, with the scenario's block time and, when shrunk, an easier limit. */
  readonly coin: CoinParams;
  readonly sim: ChainSim;
  readonly node: InProcessChainNode;
  readonly pow: PowAlgorithm;
}

export interface WorldParts {
  readonly scenario: Scenario;
  readonly vt: VirtualTime;
  readonly rng: Rng;
  readonly registry: AlgorithmRegistry;
  /** The world's shrink and each farm's boost (scale-plan.ts). */
  readonly plan: ScalePlan;
  readonly logger: Logger;
}

/** A network's chain on the virtual clock, its difficulty in balance with all its miners. */
export function buildNetwork(parts: WorldParts, spec: NetworkSpec, active: boolean): RunNetwork {
  const { vt, rng } = parts;
  const { scale } = parts.plan;
  const chain = spec.chain;
  const base = findCoin(chain.coin);
  if (chain.kind !== 'sim' || base === undefined) {
    throw new RangeError(`network ${spec.id}: protocol runs need a sim chain of a known coin`);
  }
  const blockTimeSec = Math.max(1, Math.round(chain.blockTimeMs / 1000));
  const external = scaleHashrate(Number(chain.externalHashrate), scale);
  const ours = active ? parts.plan.poolRealHashrate : 0;
  const fitsLimit = equilibriumFits(external + ours, blockTimeSec, base.powLimitBits);
  const coin: CoinParams = {
    ...base,
    targetBlockTimeSec: blockTimeSec,
    powLimitBits: fitsLimit ? base.powLimitBits : EASIEST_BITS,
  };
  const pow = parts.registry.require(coin.algorithm);
  const total = external + ours;
  const sim = new ChainSim({
    coin,
    scheduler: vt,
    rng: rng.fork(`chain/${spec.id}`),
    powHash: pow.hashHeader,
    initialBits: total > 0 ? equilibriumBits(total, blockTimeSec, coin.powLimitBits) : undefined,
    externalMiners: external > 0 ? [{ id: 'rest-of-network', hashrate: external }] : [],
    propagationDelayMs: chain.propagationDelayMs,
    mempool: { txPerSec: chain.txPerSec },
  });
  return { id: spec.id, coin, sim, node: new InProcessChainNode(sim, vt), pow };
}

/** Whether the coin's own limit allows a block as easy as this hashrate and block time ask. */
function equilibriumFits(
  hashesPerSec: number,
  blockTimeSec: number,
  powLimitBits: number,
): boolean {
  if (!(hashesPerSec > 0)) return true;
  const bits = equilibriumBits(hashesPerSec, blockTimeSec, EASIEST_BITS);
  return bitsToTarget(bits) <= bitsToTarget(powLimitBits);
}

/** The unchanged pool on the active network, its difficulties shrunk with the world. */
export function buildPool(
  parts: WorldParts,
  network: RunNetwork,
): { pool: Pool; payoutAddress: string } {
  const { pool: spec } = parts.scenario;
  const digits = parts.plan.scale.digits;
  const floor = floorDifficulty(network.pow.diff1Target);
  const shrunk = (text: string): string => maxDecimal(scaleDecimal(text, digits), floor);
  const payoutAddress = labelAddress(network.coin, 'pool');
  const pool = createPool({
    coin: network.coin,
    node: network.node,
    algorithms: parts.registry,
    payoutAddress,
    stratum: {
      difficulty: {
        start: shrunk(spec.difficulty.start),
        min: shrunk(spec.difficulty.min),
        max: shrunk(spec.difficulty.max),
      },
      vardiff: {
        targetShareTimeMs: spec.vardiff.targetTimeMs,
        retargetIntervalMs: spec.vardiff.retargetIntervalMs,
        variancePercent: spec.vardiff.varianceBps / 100,
      },
    },
    scheduler: parts.vt,
    logger: parts.logger,
  });
  return { pool, payoutAddress };
}
