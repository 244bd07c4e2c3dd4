import { coinTextToSats } from '../../../pool/node/coin-amount.js';
import { JsonNumber } from '../../../pool/node/exact-json.js';
import { failure, RPC_CODE, type RpcFailure } from './outcome.js';

/** MAX_MONEY: MoneyRange's upper bound, the same for Bitcoin and Litecoin regtest alike. */
const MAX_MONEY_SATS = 21_000_000n * 100_000_000n;

export type AmountRead = { readonly kind: 'amount'; readonly sats: bigint } | RpcFailure;

/**
 * bitcoind's AmountFromValue, on the literal text of the request: a JSON number (as the exact
 * parser kept it) or a string, never through a float. More precision than the coin has is
 * "Invalid amount", not a rounding.
 */
export function readAmount(value: unknown): AmountRead {
  const text =
    value instanceof JsonNumber ? value.text : typeof value === 'string' ? value : undefined;
  if (text === undefined) return failure(RPC_CODE.TYPE_ERROR, 'Amount is not a number or string');
  const sats = coinTextToSats(text);
  if (sats === undefined) return failure(RPC_CODE.TYPE_ERROR, 'Invalid amount');
  if (sats < 0n || sats > MAX_MONEY_SATS)
    return failure(RPC_CODE.TYPE_ERROR, 'Amount out of range');
  return { kind: 'amount', sats };
}
