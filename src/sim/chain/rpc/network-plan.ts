import type { CoinParams } from '../../../pool/core/coins/index.js';
import { bitsToTarget, workOfTarget } from '../../../pool/core/difficulty/index.js';
import type { ExternalMinerSpec } from '../external-mining.js';
import { equilibriumBits } from '../retarget.js';

/** The rest of the network a daemon starts with, from what an operator can say about it. */
export interface NetworkPlan {
  /** Bits of genesis, so the chain starts at the difficulty its hashrate calls for. */
  readonly initialBits: number;
  readonly externalMiners: readonly ExternalMinerSpec[];
}

/** The one external miner standing for the rest of the network. */
export const NETWORK_MINER_ID = 'network';

/**
 * - neither: no external miners (blocks come from submitblock and generatetoaddress only),
 *   the coin's powLimit bits: a plain regtest chain.
 * - block time only: powLimit bits, and the hashrate that finds a block that often.
 * - hashrate only: on a coin that retargets, the bits that hashrate finds in the coin's target
 *   block time (the chain starts in balance); on one that does not, powLimit bits.
 * - both: the bits that hashrate finds in that block time.
 * Bits never go easier than powLimit, so a tiny hashrate finds blocks faster than asked.
 */
export function networkPlan(
  coin: CoinParams,
  opts: { readonly blockTimeSec?: number; readonly externalHashrate?: number },
): NetworkPlan {
  const { blockTimeSec, externalHashrate } = opts;
  if (externalHashrate === undefined) {
    if (blockTimeSec === undefined) return { initialBits: coin.powLimitBits, externalMiners: [] };
    const work = Number(workOfTarget(bitsToTarget(coin.powLimitBits)));
    return {
      initialBits: coin.powLimitBits,
      externalMiners: [{ id: NETWORK_MINER_ID, hashrate: work / blockTimeSec }],
    };
  }
  const miners = externalHashrate > 0 ? [{ id: NETWORK_MINER_ID, hashrate: externalHashrate }] : [];
  const spacing =
    blockTimeSec ?? (coin.retarget.kind === 'none' ? undefined : coin.targetBlockTimeSec);
  if (spacing === undefined || externalHashrate <= 0) {
    return { initialBits: coin.powLimitBits, externalMiners: miners };
  }
  return {
    initialBits: equilibriumBits(externalHashrate, spacing, coin.powLimitBits),
    externalMiners: miners,
  };
}
