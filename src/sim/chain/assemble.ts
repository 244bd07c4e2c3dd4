import {
  buildCoinbase,
  decodeTx,
  merkleRoot,
  serializeBlock,
  serializeHeader,
  withCoinbaseWitness,
  witnessCommitmentScript,
  type HeaderFields,
} from '../../pool/core/block/index.js';
import { sha256d } from '../../pool/core/hash.js';
import type { NewBlock } from './block-tree.js';
import type { BlockSource, SimTx } from './types.js';
import { simError } from './sim-errors.js';

export interface AssembleSpec {
  readonly height: number;
  readonly prevHash: Buffer;
  readonly version: number;
  readonly bits: number;
  readonly timeSec: number;
  readonly nonce: number;
  /** Subsidy plus the transactions' fees: what the coinbase pays out. */
  readonly coinbaseValueSats: bigint;
  readonly txs: readonly SimTx[];
  readonly payScript: Buffer;
  /** Whether the coinbase carries a BIP141 witness commitment (segwit coins, after genesis). */
  readonly witnessCommitment: boolean;
  readonly tag: string;
  /** Makes coinbases of one height by different miners differ. */
  readonly extranonce: Buffer;
}

export interface AssembledBlock {
  readonly source: BlockSource;
  readonly receivedAtMs: number;
  readonly minerId?: string;
}

/**
 * A whole block built the way Bitcoin Core's BlockAssembler lays it out: coinbase (height push,
 * extranonce, tag; payout; witness commitment and reserved-value witness when segwit), then the
 * transactions. Its proof of work is not ground: the simulator marks such blocks as trusted.
 */
export function assembleBlock(spec: AssembleSpec, meta: AssembledBlock): NewBlock {
  const commitment = spec.witnessCommitment
    ? witnessCommitmentScript(spec.txs.map((t) => t.wtxid))
    : undefined;
  const { coinb1, coinb2 } = buildCoinbase({
    height: spec.height,
    coinbaseValueSats: spec.coinbaseValueSats,
    outputs: [{ scriptPubKey: spec.payScript, valueSats: spec.coinbaseValueSats }],
    witnessCommitment: commitment,
    extranonceSize: spec.extranonce.length,
    tag: spec.tag,
  });
  const stripped = Buffer.concat([coinb1, spec.extranonce, coinb2]);
  const coinbase = commitment === undefined ? stripped : withCoinbaseWitness(stripped);
  const header: HeaderFields = {
    version: spec.version,
    prevHash: spec.prevHash,
    merkleRoot: merkleRoot([sha256d(stripped), ...spec.txs.map((t) => t.txid)]),
    time: spec.timeSec,
    bits: spec.bits,
    nonce: spec.nonce,
  };
  const headerBytes = serializeHeader(header);
  const decoded = decodeTx(coinbase);
  if (!decoded.ok) throw simError('SIM_BAD_COINBASE', decoded.error);
  return {
    hash: sha256d(headerBytes),
    header,
    raw: serializeBlock({ header: headerBytes, coinbase, transactions: spec.txs }),
    coinbase: decoded.tx,
    txids: spec.txs.map((t) => t.txidHex),
    ...meta,
  };
}
