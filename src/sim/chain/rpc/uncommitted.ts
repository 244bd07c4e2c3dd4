import {
  decodeBlock,
  findWitnessCommitment,
  HEADER_SIZE,
  withCoinbaseWitness,
} from '../../../pool/core/block/index.js';
import { toDisplayHex, varint } from '../../../pool/core/bytes.js';
import type { ChainSim } from '../chain-sim.js';

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Bitcoin Core's UpdateUncommittedBlockStructures, which submitblock (not a proposal) runs
 * before validation once the block's parent is known: on a segwit chain, a coinbase that commits
 * to witnesses (BIP141) but carries no witness gets the default witness reserved value, one
 * 32-byte zero item. litecoind 0.21 does the same. Pools of the NOMP family submit their
 * coinbase in the legacy form and rely on it. Any other block comes back unchanged, and
 * validation gives its verdict as before; the block hash is the same either way.
 */
export function updateUncommittedBlockStructures(sim: ChainSim, hex: string): string {
  if (!sim.coin.segwit || !HEX.test(hex)) return hex;
  const raw = Buffer.from(hex, 'hex');
  const decoded = decodeBlock(raw);
  if (!decoded.ok) return hex;
  const { block } = decoded;
  if (sim.block(toDisplayHex(block.header.prevHash)) === undefined) return hex;
  const coinbase = block.transactions[0];
  if (coinbase === undefined || coinbase.flags !== 0) return hex;
  if (findWitnessCommitment(coinbase.outputs.map((o) => o.scriptPubKey)) === undefined) {
    return hex;
  }
  const start = HEADER_SIZE + varint(block.transactions.length).length;
  const end = start + coinbase.size;
  return Buffer.concat([
    raw.subarray(0, start),
    withCoinbaseWitness(raw.subarray(start, end)),
    raw.subarray(end),
  ]).toString('hex');
}
