import { toDisplayHex } from '../../pool/core/bytes.js';
import {
  bitsHex,
  bitsToTarget,
  difficultyOfTarget,
  SHA256D_DIFF1,
} from '../../pool/core/difficulty/index.js';
import type { ChainState } from './chain-state.js';
import type { StoredBlock } from './types.js';

/** getblockheader's facts about a block. */
export interface HeaderInfo {
  readonly hash: string;
  /** -1 off the main chain. */
  readonly confirmations: number;
  readonly height: number;
  readonly version: number;
  /** Display order. */
  readonly merkleRoot: string;
  readonly time: number;
  readonly medianTime: number;
  readonly nonce: number;
  /** 8 hex digits. */
  readonly bits: string;
  readonly difficulty: number;
  readonly chainWork: bigint;
  readonly nTx: number;
  readonly previousBlockHash?: string;
  readonly nextBlockHash?: string;
}

/** getblockchaininfo's facts. */
export interface ChainSummary {
  readonly chain: string;
  readonly blocks: number;
  readonly headers: number;
  readonly bestBlockHash: string;
  readonly difficulty: number;
  readonly medianTime: number;
  readonly chainWork: bigint;
  readonly initialBlockDownload: boolean;
}

export function headerInfo(state: ChainState, block: StoredBlock): HeaderInfo {
  const { tree } = state;
  const next = tree.isMain(block) ? tree.atHeight(block.height + 1) : undefined;
  return {
    hash: block.hashHex,
    confirmations: tree.confirmations(block),
    height: block.height,
    version: block.header.version,
    merkleRoot: toDisplayHex(block.header.merkleRoot),
    time: block.header.time,
    medianTime: block.medianTimePast,
    nonce: block.header.nonce,
    bits: bitsHex(block.header.bits),
    difficulty: displayDifficulty(block.header.bits),
    chainWork: block.chainWork,
    nTx: block.txids.length + 1,
    ...(block.parent === undefined ? {} : { previousBlockHash: block.parent.hashHex }),
    ...(next === undefined ? {} : { nextBlockHash: next.hashHex }),
  };
}

export function chainSummary(state: ChainState): ChainSummary {
  const tip = state.tree.tip;
  return {
    chain: state.coin.network,
    blocks: tip.height,
    headers: tip.height,
    bestBlockHash: tip.hashHex,
    difficulty: displayDifficulty(tip.header.bits),
    medianTime: tip.medianTimePast,
    chainWork: tip.chainWork,
    initialBlockDownload: false,
  };
}

/** Bitcoin Core's GetDifficulty: against the sha256d difficulty-1 target for every coin (litecoind too). */
export function displayDifficulty(bits: number): number {
  return difficultyOfTarget(SHA256D_DIFF1, bitsToTarget(bits));
}
