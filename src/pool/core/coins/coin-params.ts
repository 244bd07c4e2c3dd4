import type { AddressParams } from '../address/params.js';

/** How a coin moves its difficulty. */
export type RetargetRule =
  /** Never (regtest). */
  | { readonly kind: 'none' }
  /** Bitcoin-style: every `intervalBlocks`, scaled by actual/expected time, clamped to x/÷ `maxFactor`. */
  | { readonly kind: 'interval'; readonly intervalBlocks: number; readonly maxFactor: number }
  /** Every block, from a linearly weighted moving average of the last `windowBlocks` solve times. */
  | { readonly kind: 'lwma'; readonly windowBlocks: number };

/** A coin as data: what the pool, the simulator and the CLI need to know about it. */
export interface CoinParams {
  readonly id: string;
  readonly name: string;
  readonly ticker: string;
  readonly network: 'regtest' | 'sim';
  /** Id in the algorithm registry. */
  readonly algorithm: string;
  readonly address: AddressParams;
  /** The `rules` getblocktemplate needs from this daemon. */
  readonly templateRules: readonly string[];
  readonly targetBlockTimeSec: number;
  /** Proof-of-work limit as compact bits (the easiest target). */
  readonly powLimitBits: number;
  readonly retarget: RetargetRule;
  readonly initialSubsidySats: bigint;
  readonly halvingIntervalBlocks: number;
  readonly coinbaseMaturity: number;
  /** First height whose coinbase must push the height (BIP34). */
  readonly bip34Height: number;
  readonly segwit: boolean;
  /** Litecoin's MWEB extension block, when the coin has it. */
  readonly mwebActivationHeight?: number;
}

/** The block subsidy at a height: halved every interval, nothing after 64 halvings. */
export function blockSubsidySats(coin: CoinParams, height: number): bigint {
  const halvings = Math.floor(height / coin.halvingIntervalBlocks);
  return halvings >= 64 ? 0n : coin.initialSubsidySats >> BigInt(halvings);
}
