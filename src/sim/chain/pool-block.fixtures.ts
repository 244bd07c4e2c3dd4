import {
  blockForShare,
  buildJob,
  heightPush,
  merkleRoot,
  serializeBlock,
  serializeHeader,
  type BlockTemplate,
  type HeaderFields,
  type TxOutput,
} from '../../pool/core/block/index.js';
import { hashToBigInt, toDisplayHex, u32le } from '../../pool/core/bytes.js';
import { bitsToTarget } from '../../pool/core/difficulty/index.js';
import { sha256d } from '../../pool/core/hash.js';
import { headerForShare } from '../../pool/core/block/index.js';
import { SHA256D_POW, WALLET_SCRIPT } from './chain.fixtures.js';
import { serializeTx } from './tx-serialize.js';

export interface PoolBlockOptions {
  /** Default: the fixture wallet's script. */
  readonly payoutScript?: Buffer;
  /** Default: the template's curtime. */
  readonly ntime?: number;
  /** Makes two solutions of one template differ. */
  readonly extranonce2?: number;
  /** Grind for a hash above the target instead (for high-hash). */
  readonly invalidPow?: boolean;
  /** Overrides of the template (bits, height, coinbase value, ...) before the job is built. */
  readonly template?: Partial<BlockTemplate>;
  readonly powHash?: (header: Uint8Array) => Buffer;
}

export interface BuiltBlock {
  readonly hex: string;
  /** Display order. */
  readonly hash: string;
}

/**
 * A block as the pool builds it from a template (buildJob, headerForShare, blockForShare), with
 * the nonce ground for real proof of work at the template's target.
 */
export function minePoolBlock(template: BlockTemplate, opts: PoolBlockOptions = {}): BuiltBlock {
  const t: BlockTemplate = { ...template, ...opts.template };
  const job = buildJob(t, {
    payouts: [{ scriptPubKey: opts.payoutScript ?? WALLET_SCRIPT, valueSats: t.coinbaseValueSats }],
    extranonce1Size: 4,
    extranonce2Size: 4,
    tag: '/chimera-test/',
  });
  const pow = opts.powHash ?? SHA256D_POW;
  const target = bitsToTarget(t.bits);
  for (let nonce = 0; ; nonce++) {
    const share = headerForShare(
      job,
      u32le(7),
      u32le(opts.extranonce2 ?? 0),
      opts.ntime ?? t.curTime,
      nonce,
      t.version,
    );
    const meets = hashToBigInt(pow(share.header)) <= target;
    if (meets !== (opts.invalidPow ?? false)) {
      return {
        hex: blockForShare(job, share).toString('hex'),
        hash: toDisplayHex(sha256d(share.header)),
      };
    }
  }
}

/** A header with its nonce ground to meet (or miss) `target`. */
export function grindHeader(
  fields: Omit<HeaderFields, 'nonce'>,
  target: bigint,
  valid = true,
): Buffer {
  for (let nonce = 0; ; nonce++) {
    const header = serializeHeader({ ...fields, nonce });
    if (hashToBigInt(SHA256D_POW(header)) <= target === valid) return header;
  }
}

export interface CustomBlock {
  readonly template: BlockTemplate;
  /** Default: BIP34 push of the template's height and a short tag. */
  readonly scriptSig?: Buffer;
  /** Default: the template's value to the wallet script, plus its witness commitment. */
  readonly outputs?: readonly TxOutput[];
  /** Whether the coinbase carries the 32-byte reserved value as its witness. Default: when committed. */
  readonly coinbaseWitness?: readonly Buffer[];
  /** Default: the template's transactions. */
  readonly txs?: readonly { readonly data: Buffer; readonly txid: Buffer }[];
  readonly header?: Partial<Omit<HeaderFields, 'nonce'>>;
  readonly validPow?: boolean;
}

/** A block laid out by hand, for the verdicts a pool's own code cannot produce. */
export function customBlock(c: CustomBlock): BuiltBlock {
  const t = c.template;
  const commitment = t.defaultWitnessCommitment;
  const outputs = c.outputs ?? [
    { scriptPubKey: WALLET_SCRIPT, valueSats: t.coinbaseValueSats },
    ...(commitment === undefined ? [] : [{ scriptPubKey: commitment, valueSats: 0n }]),
  ];
  const witness = c.coinbaseWitness ?? (commitment === undefined ? [] : [Buffer.alloc(32)]);
  const coinbase = serializeTx({
    version: 1,
    inputs: [
      {
        prevTxid: Buffer.alloc(32),
        prevIndex: 0xffffffff,
        scriptSig:
          c.scriptSig ?? Buffer.concat([heightPush(t.height), Buffer.from('04cafe0001', 'hex')]),
        sequence: 0xffffffff,
        witness,
      },
    ],
    outputs,
    lockTime: 0,
  });
  const txs = c.txs ?? t.transactions;
  const fields = {
    version: t.version,
    prevHash: t.prevHash,
    merkleRoot: merkleRoot([coinbase.txid, ...txs.map((x) => x.txid)]),
    time: t.curTime,
    bits: t.bits,
    ...c.header,
  };
  const header = grindHeader(fields, bitsToTarget(fields.bits), c.validPow ?? true);
  const raw = serializeBlock({ header, coinbase: coinbase.data, transactions: txs });
  return { hex: raw.toString('hex'), hash: toDisplayHex(sha256d(header)) };
}
