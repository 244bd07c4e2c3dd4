import { expect } from 'vitest';
import { decodeAddress, LITECOIN_REGTEST } from '../../pool/core/address/index.js';
import {
  buildJob,
  heightPush,
  pushDataPrefix,
  type BlockTemplate,
  type StratumJob,
  type TxOutput,
} from '../../pool/core/block/index.js';
import { coinTextToSats, type JsonNumber } from '../../pool/node/index.js';
import type { RegtestNode } from '../regtest-node.js';
import { solveJob, type PowWanted, type SolvedJob } from '../solve-block.js';

export const EXTRANONCE1 = Buffer.from('c0ffee01', 'hex');
export const EXTRANONCE2_SIZE = 8;
export const POOL_TAG = '/chimera/';

/** The output script of an address, decoded the way the pool decodes its payout config. */
export function scriptOf(address: string): Buffer {
  const decoded = decodeAddress(address, LITECOIN_REGTEST);
  if (!decoded.ok) throw new Error(`${address}: ${decoded.error}`);
  return decoded.scriptPubKey;
}

/** The whole coinbase value to one address. */
export function payAll(template: BlockTemplate, address: string): TxOutput[] {
  return [{ scriptPubKey: scriptOf(address), valueSats: template.coinbaseValueSats }];
}

export interface PoolBlockOptions {
  readonly payouts: readonly TxOutput[];
  readonly tag?: string | undefined;
  /** Distinct values give distinct blocks on one template. Default 0. */
  readonly extranonce2?: bigint | undefined;
  readonly ntime?: number | undefined;
  readonly version?: number | undefined;
  readonly wanted?: PowWanted | undefined;
}

export interface PoolBlock {
  readonly payouts: readonly TxOutput[];
  readonly job: StratumJob;
  readonly solved: SolvedJob;
}

/** A block built and mined as the pool does it: buildJob, headerForShare, blockForShare. */
export function poolBlock(template: BlockTemplate, opts: PoolBlockOptions): PoolBlock {
  const job = buildJob(template, {
    payouts: opts.payouts,
    extranonce1Size: EXTRANONCE1.length,
    extranonce2Size: EXTRANONCE2_SIZE,
    tag: opts.tag ?? POOL_TAG,
  });
  const extranonce2 = Buffer.alloc(EXTRANONCE2_SIZE);
  extranonce2.writeBigUInt64BE(opts.extranonce2 ?? 0n);
  const solved = solveJob(job, {
    extranonce1: EXTRANONCE1,
    extranonce2,
    ntime: opts.ntime,
    version: opts.version,
    wanted: opts.wanted,
  });
  return { payouts: opts.payouts, job, solved };
}

/**
 * The ASCII tag that makes the coinbase scriptSig exactly `size` bytes at this template's
 * height: height push, extranonce push, tag push (buildCoinbase's layout).
 */
export function tagForScriptSig(template: BlockTemplate, size: number): string {
  const extranonce = EXTRANONCE1.length + EXTRANONCE2_SIZE;
  const fixed = heightPush(template.height).length + pushDataPrefix(extranonce).length + extranonce;
  for (let n = 0; n <= size; n++) {
    if (fixed + pushDataPrefix(n).length + n === size) return 'x'.repeat(n);
  }
  throw new Error(`no tag gives a ${size}-byte scriptSig at height ${template.height}`);
}

export interface DaemonOutput {
  readonly scriptHex: string;
  readonly valueSats: bigint;
  readonly addresses: readonly string[];
}

/** What a block's coinbase pays, as the daemon reads it (`getblock <hash> 2`), exact in sats. */
export async function coinbaseOutputs(node: RegtestNode, hash: string): Promise<DaemonOutput[]> {
  const block = (await node.rpc('getblock', [hash, 2], { exactNumbers: true })) as {
    tx: { vout: { value: JsonNumber; scriptPubKey: { hex: string; addresses?: string[] } }[] }[];
  };
  const coinbase = block.tx[0];
  if (coinbase === undefined) throw new Error(`block ${hash} has no transactions`);
  return coinbase.vout.map((o) => {
    const valueSats = coinTextToSats(o.value.text);
    if (valueSats === undefined) throw new Error(`not an amount: ${o.value.text}`);
    return { scriptHex: o.scriptPubKey.hex, valueSats, addresses: o.scriptPubKey.addresses ?? [] };
  });
}

/**
 * The round trip of a pool block on a real daemon: the proposal is accepted, the submission is
 * accepted, the block is the best block at the template's height, the daemon stores exactly
 * the bytes sent, and its coinbase pays the payouts, in order and to the sat, and nothing else
 * of value. Returns the coinbase outputs as the daemon reads them.
 */
export async function expectPoolBlockAccepted(
  node: RegtestNode,
  template: BlockTemplate,
  block: PoolBlock,
): Promise<DaemonOutput[]> {
  const { solved } = block;
  expect(await node.chainNode.proposeBlock(solved.blockHex)).toEqual({ kind: 'accepted' });
  expect(await node.chainNode.submitBlock(solved.blockHex)).toEqual({ kind: 'accepted' });
  expect(await node.chainNode.getBestBlock()).toEqual({
    hash: solved.blockHash,
    height: template.height,
  });
  expect(await node.rpc('getblock', [solved.blockHash, 0])).toBe(solved.blockHex);
  const outputs = await coinbaseOutputs(node, solved.blockHash);
  const paid = outputs.map(({ scriptHex, valueSats }) => ({ scriptHex, valueSats }));
  expect(paid.slice(0, block.payouts.length)).toEqual(
    block.payouts.map((p) => ({
      scriptHex: p.scriptPubKey.toString('hex'),
      valueSats: p.valueSats,
    })),
  );
  expect(outputs.slice(block.payouts.length).every((o) => o.valueSats === 0n)).toBe(true);
  expect(outputs.reduce((sum, o) => sum + o.valueSats, 0n)).toBe(template.coinbaseValueSats);
  return outputs;
}
