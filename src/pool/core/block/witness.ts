import { sha256dPair } from './fast-hash.js';
import { merkleRoot } from './merkle.js';

/*
 * BIP141 witness commitment: sha256d(witness merkle root | witness reserved value), written
 * in an OP_RETURN output of the coinbase. The coinbase's own wtxid counts as 32 zero bytes.
 *
 * Litecoin with MWEB: the HogEx transaction is an ordinary member of the block's transaction
 * list, so its wtxid (equal to its txid: it has no witness) is a leaf like any other. Checked
 * against litecoind 0.21's h432 template: the commitment matches only with HogEx included.
 */

/** The 32 zero bytes a coinbase commits to (and carries as its one witness item). */
export function witnessReservedValue(): Buffer {
  return Buffer.alloc(32);
}

/** The bytes that open a commitment script: OP_RETURN, push 36, and the tag aa21a9ed. */
export const WITNESS_COMMITMENT_HEADER = Buffer.from('6a24aa21a9ed', 'hex');

export function witnessMerkleRoot(wtxidsAfterCoinbase: readonly Buffer[]): Buffer {
  return merkleRoot([Buffer.alloc(32), ...wtxidsAfterCoinbase]);
}

/** The 32-byte commitment for the given transactions (coinbase excluded). */
export function witnessCommitment(wtxidsAfterCoinbase: readonly Buffer[]): Buffer {
  return sha256dPair(witnessMerkleRoot(wtxidsAfterCoinbase), witnessReservedValue());
}

/** The 38-byte scriptPubKey of the commitment output (what default_witness_commitment holds). */
export function witnessCommitmentScript(wtxidsAfterCoinbase: readonly Buffer[]): Buffer {
  return Buffer.concat([WITNESS_COMMITMENT_HEADER, witnessCommitment(wtxidsAfterCoinbase)]);
}

/**
 * The commitment a set of coinbase output scripts carries: the last output that matches the
 * pattern wins, as in Bitcoin Core's GetWitnessCommitmentIndex.
 */
export function findWitnessCommitment(scriptPubKeys: readonly Buffer[]): Buffer | undefined {
  for (let i = scriptPubKeys.length - 1; i >= 0; i--) {
    const s = scriptPubKeys[i]!;
    if (s.length >= 38 && s.subarray(0, 6).equals(WITNESS_COMMITMENT_HEADER)) {
      return Buffer.from(s.subarray(6, 38));
    }
  }
  return undefined;
}
