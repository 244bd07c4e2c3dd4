import type { CoinParams } from '../core/coins/coin-params.js';
import { payoutsError } from './payout-errors.js';

/**
 * Confirmations after which a pool block's credits become payable, for a coin: its coinbase
 * maturity plus one. Consensus lets a coinbase be spent by a transaction in the block at
 * height + maturity, but bitcoind's wallet (and the simulator's) only counts it as spendable
 * at maturity + 1 confirmations (hence regtest's "generate 101"); marking credits payable
 * earlier could plan a payout the wallet cannot fund yet. 101 on every regtest coin.
 */
export function maturityDepthFor(coin: Pick<CoinParams, 'coinbaseMaturity'>): number {
  return coin.coinbaseMaturity + 1;
}

/** Throws PAYOUTS_CONFIG unless `value` is an integer >= `min`. */
export function checkedInteger(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw payoutsError('PAYOUTS_CONFIG', `${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/** Throws PAYOUTS_CONFIG unless `value` is a finite number of milliseconds >= 0. */
export function checkedMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw payoutsError('PAYOUTS_CONFIG', `${name} must be >= 0 ms, got ${value}`);
  }
  return value;
}
