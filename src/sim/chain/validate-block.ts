import { decodeBlock, HEADER_SIZE, type DecodedBlock } from '../../pool/core/block/index.js';
import { hashToBigInt, toDisplayHex } from '../../pool/core/bytes.js';
import { blockSubsidySats } from '../../pool/core/coins/index.js';
import { bitsToTarget, decodeCompact } from '../../pool/core/difficulty/index.js';
import type { SubmitResult } from '../../pool/node/chain-node.js';
import { checkBlockContext, checkBlockShape, isCoinbase } from './block-checks.js';
import type { ChainState } from './chain-state.js';
import { MAX_FUTURE_BLOCK_TIME_SEC } from './consensus-constants.js';
import type { StoredBlock } from './types.js';

export interface ValidationContext {
  readonly state: ChainState;
  readonly nowMs: number;
  /** The coin's proof-of-work hash of an 80-byte header. */
  readonly powHash: (header: Uint8Array) => Buffer;
}

export type BlockCheck =
  | {
      readonly ok: true;
      readonly block: DecodedBlock;
      readonly raw: Buffer;
      readonly parent: StoredBlock;
      /** Display-order txids after the coinbase. */
      readonly txids: readonly string[];
    }
  | { readonly ok: false; readonly result: SubmitResult };

const DECODE_FAILED: SubmitResult = { kind: 'error', code: -22, message: 'Block decode failed' };

/**
 * A daemon's verdict on a block, in Bitcoin Core's order. submitblock: decode (-22), coinbase
 * first (-22), duplicate, CheckBlock (high-hash, merkle, transaction sanity), header in context
 * (prev-blk-not-found, bad-diffbits, time-too-old, time-too-new), ContextualCheckBlock
 * (bad-cb-height, witness, weight), then what ConnectBlock checks (inputs, bad-cb-amount).
 * Bitcoin Core checks the last group only when the block joins the active chain; here every
 * block gets it at once, so a side-branch block that would fail it is refused at once.
 * Proposal mode is getblocktemplate's: duplicate, then inconclusive-not-best-prevblk for a
 * parent that is not the tip, then the rest without proof of work.
 */
export function checkBlock(
  ctx: ValidationContext,
  hex: string,
  mode: 'submit' | 'proposal',
): BlockCheck {
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return fail(DECODE_FAILED);
  const raw = Buffer.from(hex, 'hex');
  const decoded = decodeBlock(raw);
  if (!decoded.ok || decoded.block.mweb !== undefined) return fail(DECODE_FAILED);
  const block = decoded.block;
  if (mode === 'submit' && !isCoinbase(block.transactions[0]!)) {
    return fail({ kind: 'error', code: -22, message: 'Block does not start with a coinbase' });
  }
  const { state } = ctx;
  if (state.tree.get(toDisplayHex(block.hash))) return reject('duplicate');
  const prevHex = toDisplayHex(block.header.prevHash);
  let parent: StoredBlock | undefined;
  if (mode === 'submit') {
    const problem = checkProofOfWork(ctx, raw) ?? checkBlockShape(block);
    if (problem !== undefined) return reject(problem);
    parent = state.tree.get(prevHex);
    if (parent === undefined) return reject('prev-blk-not-found');
    const header = checkHeaderContext(ctx, block, parent);
    if (header !== undefined) return reject(header);
  } else {
    parent = state.tree.tip;
    if (prevHex !== parent.hashHex) return reject('inconclusive-not-best-prevblk');
    const problem = checkHeaderContext(ctx, block, parent) ?? checkBlockShape(block);
    if (problem !== undefined) return reject(problem);
  }
  const height = parent.height + 1;
  const context = checkBlockContext(block, height, state.coin);
  if (context !== undefined) return reject(context);
  const txids = block.transactions.slice(1).map((t) => toDisplayHex(t.txid));
  const connect = checkConnect(ctx, block, parent, txids);
  if (connect !== undefined) return reject(connect);
  return { ok: true, block, raw, parent, txids };
}

/** CheckProofOfWork: bits that decode to a usable target no easier than powLimit, and a hash at or below it. */
function checkProofOfWork(ctx: ValidationContext, raw: Buffer): string | undefined {
  const bits = raw.readUInt32LE(72);
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative || overflow || target === 0n || target > bitsToTarget(ctx.state.coin.powLimitBits)) {
    return 'high-hash';
  }
  const hash = hashToBigInt(ctx.powHash(raw.subarray(0, HEADER_SIZE)));
  return hash > target ? 'high-hash' : undefined;
}

/** ContextualCheckBlockHeader. */
function checkHeaderContext(
  ctx: ValidationContext,
  block: DecodedBlock,
  parent: StoredBlock,
): string | undefined {
  if (block.header.bits !== ctx.state.expectedBits(parent)) return 'bad-diffbits';
  if (block.header.time <= parent.medianTimePast) return 'time-too-old';
  if (block.header.time > Math.floor(ctx.nowMs / 1000) + MAX_FUTURE_BLOCK_TIME_SEC)
    return 'time-too-new';
  return undefined;
}

/**
 * What ConnectBlock would find: every transaction known to the simulator (nothing else can
 * have unspent inputs here), not yet on this branch, spending coins that exist on it; and a
 * coinbase claiming no more than subsidy + fees.
 */
function checkConnect(
  ctx: ValidationContext,
  block: DecodedBlock,
  parent: StoredBlock,
  txids: readonly string[],
): string | undefined {
  const { state } = ctx;
  const earlier = new Set<string>();
  let fees = 0n;
  for (const txid of txids) {
    const meta = state.txs.meta(txid);
    if (meta === undefined) return 'bad-txns-inputs-missingorspent';
    const problem = state.spendProblem(meta, parent, earlier);
    if (problem !== undefined) return problem;
    earlier.add(txid);
    fees += meta.feeSats;
  }
  const paid = block.transactions[0]!.outputs.reduce((sum, o) => sum + o.valueSats, 0n);
  return paid > blockSubsidySats(state.coin, parent.height + 1) + fees
    ? 'bad-cb-amount'
    : undefined;
}

function reject(reason: string): BlockCheck {
  return { ok: false, result: { kind: 'rejected', reason } };
}

function fail(result: SubmitResult): BlockCheck {
  return { ok: false, result };
}
