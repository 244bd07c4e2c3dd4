import type { ExactJson } from '../../../pool/node/exact-json.js';
import type { HeaderInfo } from '../chain-queries.js';
import type { StoredBlock } from '../types.js';
import { blockJson, headerJson } from './block-json.js';
import type { RpcContext, RpcMethod } from './method.js';
import { failure, result, RPC_CODE, type RpcOutcome } from './outcome.js';
import type { ParamReader } from './params.js';

/** The chain queries: blockchain info, the best block, blocks by height and by hash. */

export const getBlockchainInfo: RpcMethod = {
  name: 'getblockchaininfo',
  args: [],
  run: ({ sim, dialect }) => {
    const s = sim.chainInfo();
    let sizeOnDisk = 0;
    for (const b of sim.state.tree.all()) sizeOnDisk += b.raw.length;
    return result({
      chain: s.chain,
      blocks: s.blocks,
      headers: s.headers,
      bestblockhash: s.bestBlockHash,
      difficulty: s.difficulty,
      time: sim.tip.header.time,
      mediantime: s.medianTime,
      verificationprogress: 1,
      initialblockdownload: s.initialBlockDownload,
      chainwork: s.chainWork.toString(16).padStart(64, '0'),
      size_on_disk: sizeOnDisk,
      pruned: false,
      warnings: dialect.warningsAsList ? [] : '',
    });
  },
};

/** The tip's difficulty, as getblockchaininfo and getmininginfo give it. */
export const getDifficulty: RpcMethod = {
  name: 'getdifficulty',
  args: [],
  run: ({ sim }) => result(sim.chainInfo().difficulty),
};

export const getBestBlockHash: RpcMethod = {
  name: 'getbestblockhash',
  args: [],
  run: ({ sim }) => result(sim.tip.hashHex),
};

export const getBlockCount: RpcMethod = {
  name: 'getblockcount',
  args: [],
  run: ({ sim }) => result(sim.tip.height),
};

export const getBlockHash: RpcMethod = {
  name: 'getblockhash',
  args: ['height'],
  required: 1,
  run: ({ sim }, p) => {
    const height = p.int(0);
    if (p.failed) return p.failed;
    const block = height < 0 ? undefined : sim.blockAt(height);
    return block === undefined
      ? failure(RPC_CODE.INVALID_PARAMETER, 'Block height out of range')
      : result(block.hashHex);
  },
};

export const getBlockHeader: RpcMethod = {
  name: 'getblockheader',
  args: ['blockhash', 'verbose'],
  required: 1,
  run: (ctx, p) => {
    const hash = p.hash(0, 'hash');
    const verbose = p.bool(1, true);
    return (
      p.failed ??
      withBlock(ctx, hash, (block, info) =>
        verbose ? headerJson(info) : block.raw.subarray(0, 80).toString('hex'),
      )
    );
  },
};

export const getBlock: RpcMethod = {
  name: 'getblock',
  args: ['blockhash', 'verbosity'],
  required: 1,
  run: (ctx, p) => {
    const hash = p.hash(0, 'blockhash');
    const verbosity = readVerbosity(p);
    return (
      p.failed ??
      withBlock(ctx, hash, (block, info) =>
        verbosity === 0
          ? block.raw.toString('hex')
          : blockJson(ctx.sim, block, info, verbosity >= 2 ? 2 : 1, ctx.dialect),
      )
    );
  },
};

function withBlock(
  { sim }: RpcContext,
  hash: string,
  answer: (block: StoredBlock, info: HeaderInfo) => ExactJson,
): RpcOutcome {
  const block = sim.block(hash);
  const info = sim.headerInfo(hash);
  if (block === undefined || info === undefined) {
    return failure(RPC_CODE.INVALID_ADDRESS_OR_KEY, 'Block not found');
  }
  return result(answer(block, info));
}

/** A number, or (as bitcoind still accepts) a boolean: true is 1, false is 0. */
function readVerbosity(p: ParamReader): number {
  const raw = p.raw(1);
  if (typeof raw === 'boolean') return raw ? 1 : 0;
  return p.int(1, 1);
}
