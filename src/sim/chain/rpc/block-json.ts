import { decodeBlock, HEADER_SIZE } from '../../../pool/core/block/index.js';
import { toDisplayHex, varint } from '../../../pool/core/bytes.js';
import type { ExactJson } from '../../../pool/node/exact-json.js';
import { blockWeight } from '../block-checks.js';
import type { ChainSim } from '../chain-sim.js';
import type { HeaderInfo } from '../chain-queries.js';
import type { StoredBlock } from '../types.js';
import type { DaemonDialect } from './dialect.js';
import { rpcServerError } from './rpc-server-errors.js';
import { txJson } from './tx-json.js';

/** getblockheader <hash> true, field for field in bitcoind's order. */
export function headerJson(info: HeaderInfo): ExactJson {
  return {
    hash: info.hash,
    confirmations: info.confirmations,
    height: info.height,
    ...versionFields(info),
    ...timeFields(info),
  };
}

/** getblock <hash> 1 (txids) or 2 (decoded transactions). */
export function blockJson(
  sim: ChainSim,
  block: StoredBlock,
  info: HeaderInfo,
  verbosity: 1 | 2,
  dialect: DaemonDialect,
): ExactJson {
  const decoded = decodeBlock(block.raw);
  if (!decoded.ok) {
    throw rpcServerError('SIM_RPC_CORRUPT_BLOCK', `stored block ${block.hashHex} does not decode`);
  }
  const txs = decoded.block.transactions;
  const weight = blockWeight(decoded.block);
  const size = block.raw.length;
  let at = HEADER_SIZE + varint(txs.length).length;
  const tx = txs.map((t) => {
    const raw = block.raw.subarray(at, at + t.size);
    at += t.size;
    return verbosity === 1 ? toDisplayHex(t.txid) : txJson(t, raw, sim.coin, dialect);
  });
  return {
    hash: info.hash,
    confirmations: info.confirmations,
    strippedsize: (weight - size) / 3,
    size,
    weight,
    height: info.height,
    ...versionFields(info),
    tx,
    ...timeFields(info),
  };
}

function versionFields(info: HeaderInfo): { readonly [key: string]: ExactJson } {
  return {
    version: info.version,
    versionHex: (info.version >>> 0).toString(16).padStart(8, '0'),
    merkleroot: info.merkleRoot,
  };
}

function timeFields(info: HeaderInfo): { readonly [key: string]: ExactJson } {
  return {
    time: info.time,
    mediantime: info.medianTime,
    nonce: info.nonce,
    bits: info.bits,
    difficulty: info.difficulty,
    chainwork: info.chainWork.toString(16).padStart(64, '0'),
    nTx: info.nTx,
    ...(info.previousBlockHash === undefined ? {} : { previousblockhash: info.previousBlockHash }),
    ...(info.nextBlockHash === undefined ? {} : { nextblockhash: info.nextBlockHash }),
  };
}
