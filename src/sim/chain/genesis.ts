import type { CoinParams } from '../../pool/core/coins/index.js';
import { assembleBlock } from './assemble.js';
import type { NewBlock } from './block-tree.js';

/** OP_RETURN: the genesis coinbase pays no one, as Bitcoin's cannot be spent. */
const UNSPENDABLE = Buffer.from('6a', 'hex');

/**
 * The simulator's genesis block for a coin: a function of the coin's id, the start time and
 * the starting bits only, so one scenario always starts from the same block.
 */
export function genesisBlock(
  coin: CoinParams,
  timeSec: number,
  bits: number,
  receivedAtMs: number,
): NewBlock {
  return assembleBlock(
    {
      height: 0,
      prevHash: Buffer.alloc(32),
      version: 1,
      bits,
      timeSec,
      nonce: 0,
      coinbaseValueSats: coin.initialSubsidySats,
      txs: [],
      payScript: UNSPENDABLE,
      witnessCommitment: false,
      tag: `/chimera-sim genesis ${coin.id}/`,
      extranonce: Buffer.alloc(0),
    },
    { source: 'genesis', receivedAtMs },
  );
}
