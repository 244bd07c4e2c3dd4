import { ChimeraError } from '../../../errors.js';
import { u32le, u64le, varint } from '../bytes.js';
import { sha256d } from '../hash.js';
import { heightPush, pushData, pushDataPrefix } from './script.js';

export interface TxOutput {
  readonly scriptPubKey: Buffer;
  readonly valueSats: bigint;
}

export interface CoinbaseSpec {
  readonly height: number;
  /** What the template lets the coinbase claim (subsidy + fees); the outputs must sum to it. */
  readonly coinbaseValueSats: bigint;
  /** The pool's payout output(s). */
  readonly outputs: readonly TxOutput[];
  /** The template's default_witness_commitment: appended as a zero-value output. */
  readonly witnessCommitment?: Buffer | undefined;
  /** extranonce1 + extranonce2 bytes, written between coinb1 and coinb2. */
  readonly extranonceSize: number;
  /** Pool tag in the scriptSig, e.g. '/chimera/'. */
  readonly tag: string | Buffer;
  readonly txVersion?: 1 | 2 | undefined;
}

/** The coinbase without witness, split so that tx = coinb1 | extranonce1 | extranonce2 | coinb2. */
export interface CoinbaseParts {
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
}

/** Consensus bounds on a coinbase scriptSig (daemons answer bad-cb-length outside them). */
export const COINBASE_SCRIPTSIG_MIN = 2;
export const COINBASE_SCRIPTSIG_MAX = 100;
const MAX_MONEY_FIELD = (1n << 63n) - 1n;
const NULL_OUTPOINT = Buffer.concat([Buffer.alloc(32), Buffer.from('ffffffff', 'hex')]);
const SEQUENCE_FINAL = Buffer.from('ffffffff', 'hex');
const LOCKTIME_ZERO = Buffer.alloc(4);

/** What is wrong with a spec, as text naming the sizes and sums; undefined when it is usable. */
export function checkCoinbaseSpec(spec: CoinbaseSpec): string | undefined {
  if (!Number.isSafeInteger(spec.height) || spec.height < 0) return `height ${spec.height}`;
  if (!Number.isSafeInteger(spec.extranonceSize) || spec.extranonceSize < 0) {
    return `extranonce size ${spec.extranonceSize}`;
  }
  if (spec.outputs.length === 0) return 'no payout output';
  let sum = 0n;
  for (const [i, o] of spec.outputs.entries()) {
    if (o.valueSats < 0n || o.valueSats > MAX_MONEY_FIELD)
      return `outputs[${i}] value ${o.valueSats}`;
    sum += o.valueSats;
  }
  if (sum !== spec.coinbaseValueSats) {
    return `payout outputs sum to ${sum} sats but the coinbase value is ${spec.coinbaseValueSats} sats`;
  }
  const { height, extranonce, tag } = scriptSigSizes(spec);
  const total = height + extranonce + tag;
  if (total < COINBASE_SCRIPTSIG_MIN || total > COINBASE_SCRIPTSIG_MAX) {
    return (
      `coinbase scriptSig would be ${total} bytes (height push ${height} + extranonce ${extranonce}` +
      ` + tag ${tag}); consensus allows ${COINBASE_SCRIPTSIG_MIN}..${COINBASE_SCRIPTSIG_MAX}`
    );
  }
  return undefined;
}

/**
 * Builds the coinbase around its extranonce. scriptSig = height push | push(extranonce) | push(tag),
 * so it stays a parseable run of pushes. Throws ChimeraError COINBASE_SPEC for a spec that
 * checkCoinbaseSpec refuses: that is configuration, not something a share can cause.
 */
export function buildCoinbase(spec: CoinbaseSpec): CoinbaseParts {
  const problem = checkCoinbaseSpec(spec);
  if (problem !== undefined) throw new ChimeraError('COINBASE_SPEC', problem);
  const height = heightPush(spec.height);
  const extranoncePrefix = spec.extranonceSize > 0 ? pushDataPrefix(spec.extranonceSize) : null;
  const tag = pushData(tagBytes(spec.tag));
  const scriptSigSize =
    height.length + (extranoncePrefix?.length ?? 0) + spec.extranonceSize + tag.length;
  const outputs = [...spec.outputs];
  if (spec.witnessCommitment !== undefined) {
    outputs.push({ scriptPubKey: spec.witnessCommitment, valueSats: 0n });
  }
  const coinb1 = Buffer.concat([
    u32le(spec.txVersion ?? 1),
    varint(1),
    NULL_OUTPOINT,
    varint(scriptSigSize),
    height,
    ...(extranoncePrefix === null ? [] : [extranoncePrefix]),
  ]);
  const coinb2 = Buffer.concat([
    tag,
    SEQUENCE_FINAL,
    varint(outputs.length),
    ...outputs.flatMap((o) => [u64le(o.valueSats), varint(o.scriptPubKey.length), o.scriptPubKey]),
    LOCKTIME_ZERO,
  ]);
  return { coinb1, coinb2 };
}

/** The txid of a transaction given in its serialization without witness. */
export function coinbaseTxid(txNoWitness: Uint8Array): Buffer {
  return sha256d(txNoWitness);
}

/**
 * The same coinbase in segwit form: marker 00, flag 01, and a witness of one 32-byte zero item
 * (the witness reserved value). A block that carries a witness commitment needs exactly this.
 */
export function withCoinbaseWitness(txNoWitness: Uint8Array): Buffer {
  const tx = Buffer.from(txNoWitness.buffer, txNoWitness.byteOffset, txNoWitness.byteLength);
  if (tx.length < 10) throw new RangeError(`not a transaction: ${tx.length} bytes`);
  const body = tx.subarray(4, tx.length - 4);
  return Buffer.concat([
    tx.subarray(0, 4),
    Buffer.from([0x00, 0x01]),
    body,
    Buffer.from([0x01, 0x20]),
    Buffer.alloc(32),
    tx.subarray(tx.length - 4),
  ]);
}

function scriptSigSizes(spec: CoinbaseSpec): { height: number; extranonce: number; tag: number } {
  const extranoncePrefix = spec.extranonceSize > 0 ? pushDataPrefix(spec.extranonceSize).length : 0;
  const tagLength = tagBytes(spec.tag).length;
  return {
    height: heightPush(spec.height).length,
    extranonce: extranoncePrefix + spec.extranonceSize,
    tag: pushDataPrefix(tagLength).length + tagLength,
  };
}

function tagBytes(tag: string | Buffer): Buffer {
  return typeof tag === 'string' ? Buffer.from(tag, 'utf8') : tag;
}
