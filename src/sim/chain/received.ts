import type { ChainState } from './chain-state.js';

/**
 * What a script was really paid, seen from the main chain: coinbase outputs and wallet payments
 * with at least `minConfirmations` (0 counts the mempool). Immature coinbase outputs count:
 * this answers "what did the chain give this miner", not "what can it spend".
 */
export function receivedBy(state: ChainState, scriptPubKey: Buffer, minConfirmations = 1): bigint {
  let sum = 0n;
  for (const o of state.txs.outputsTo(scriptPubKey)) {
    const status = state.txStatus(o.txid);
    const confirmations =
      status.kind === 'confirmed' ? status.confirmations : status.kind === 'mempool' ? 0 : -1;
    if (confirmations >= minConfirmations) sum += o.valueSats;
  }
  return sum;
}
