import { witnessCommitmentScript, type BlockTemplate } from '../../pool/core/block/index.js';
import { blockSubsidySats } from '../../pool/core/coins/index.js';
import { bitsToTarget } from '../../pool/core/difficulty/index.js';
import type { ChainState } from './chain-state.js';
import { SEGWIT_TEMPLATE_RULES, TEMPLATE_BLOCK_VERSION } from './consensus-constants.js';
import type { SimTx, StoredBlock } from './types.js';

/** Everything a getblocktemplate answer says, before it is shaped as JSON or as a BlockTemplate. */
export interface TemplateData {
  readonly parent: StoredBlock;
  readonly height: number;
  readonly version: number;
  readonly bits: number;
  readonly target: bigint;
  readonly curTime: number;
  readonly minTime: number;
  readonly coinbaseValueSats: bigint;
  readonly txs: readonly SimTx[];
  readonly witnessCommitment?: Buffer;
  /** bitcoind's form: tip hash (display) followed by the mempool's update counter. */
  readonly longPollId: string;
  readonly rules: readonly string[];
}

/** The transactions a template carries, with what follows from them alone. */
export interface TemplateSelection {
  readonly txs: readonly SimTx[];
  readonly feesSats: bigint;
  readonly witnessCommitment?: Buffer;
}

export function templateSelection(segwit: boolean, txs: readonly SimTx[]): TemplateSelection {
  const feesSats = txs.reduce((sum, t) => sum + t.feeSats, 0n);
  return segwit
    ? { txs, feesSats, witnessCommitment: witnessCommitmentScript(txs.map((t) => t.wtxid)) }
    : { txs, feesSats };
}

/**
 * The template for a block on the tip at `nowMs`: curtime from the clock but never at or
 * below the median time past, mintime = MTP + 1, coinbasevalue = subsidy + fees of the
 * chosen transactions. MWEB is not modelled: Litecoin templates are those of a daemon run
 * with MWEB kept off (`-vbparams=mweb:-2:0`).
 */
export function templateData(
  state: ChainState,
  selection: TemplateSelection,
  nowMs: number,
): TemplateData {
  const parent = state.tree.tip;
  const height = parent.height + 1;
  const bits = state.expectedBits(parent);
  const minTime = parent.medianTimePast + 1;
  const { witnessCommitment } = selection;
  return {
    parent,
    height,
    version: TEMPLATE_BLOCK_VERSION,
    bits,
    target: bitsToTarget(bits),
    curTime: Math.max(minTime, Math.floor(nowMs / 1000)),
    minTime,
    coinbaseValueSats: blockSubsidySats(state.coin, height) + selection.feesSats,
    txs: selection.txs,
    ...(witnessCommitment === undefined ? {} : { witnessCommitment }),
    longPollId: longPollId(parent.hashHex, state.mempool.transactionsUpdated),
    rules: state.coin.segwit ? SEGWIT_TEMPLATE_RULES : ['csv'],
  };
}

export function longPollId(tipHashHex: string, transactionsUpdated: number): string {
  return `${tipHashHex}${transactionsUpdated}`;
}

/** The parsed form the pool's ChainNode port hands out. */
export function toBlockTemplate(d: TemplateData): BlockTemplate {
  return {
    height: d.height,
    version: d.version,
    prevHash: d.parent.hash,
    prevHashHex: d.parent.hashHex,
    bits: d.bits,
    target: d.target,
    curTime: d.curTime,
    minTime: d.minTime,
    coinbaseValueSats: d.coinbaseValueSats,
    transactions: d.txs.map((t) => ({
      data: t.data,
      txid: t.txid,
      wtxid: t.wtxid,
      feeSats: t.feeSats,
      weight: t.weight,
    })),
    ...(d.witnessCommitment === undefined ? {} : { defaultWitnessCommitment: d.witnessCommitment }),
    longPollId: d.longPollId,
    rules: d.rules,
  };
}
