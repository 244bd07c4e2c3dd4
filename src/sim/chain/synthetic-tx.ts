import { p2pkhScript, witnessScript } from '../../pool/core/address/index.js';
import type { TxOutput } from '../../pool/core/block/index.js';
import { pushData } from '../../pool/core/block/index.js';
import { toDisplayHex } from '../../pool/core/bytes.js';
import type { Rng } from '../../runtime/index.js';
import { serializeTx, type TxInputSpec } from './tx-serialize.js';
import type { SimTx } from './types.js';

export interface FeeRateModel {
  /** Median fee rate, sat/vB. */
  readonly medianSatPerVb: number;
  /** Spread of ln(fee rate): 0 makes every transaction pay the median. */
  readonly sigma: number;
}

export interface SyntheticTxOptions {
  /** Whether the coin has segwit; without it every transaction is legacy. */
  readonly segwit: boolean;
  readonly feeRate: FeeRateModel;
}

export const DEFAULT_FEE_RATE: FeeRateModel = { medianSatPerVb: 5, sigma: 0.8 };

const SEQUENCE_RBF = 0xfffffffd;

/*
 * Traffic that looks like wallets paying each other: 1-3 inputs, 1-3 outputs, four in five
 * P2WPKH spends and the rest legacy P2PKH, fee rates log-normal around a median. Inputs spend
 * random outpoints the simulator does not track, and signatures are random bytes of the
 * right shape: sizes, weights, txids and wtxids are real, scripts are never executed.
 * (When @faker-js/faker is available, it could make the amounts and the output mix follow
 * named wallet profiles; the seeded Rng stays the source of every draw.)
 */
export function syntheticTx(rng: Rng, opts: SyntheticTxOptions): SimTx {
  const witnessSpend = opts.segwit && rng.next() < 0.8;
  const inputs: TxInputSpec[] = Array.from({ length: pickCount(rng) }, () =>
    fakeInput(rng, witnessSpend),
  );
  const outputs: TxOutput[] = Array.from({ length: pickCount(rng) }, () => ({
    scriptPubKey: outputScript(rng, opts.segwit),
    valueSats: BigInt(rng.int(1_000, 2_000_000_000)),
  }));
  const tx = serializeTx({ version: 2, inputs, outputs, lockTime: 0 });
  const rate = Math.max(
    1,
    Math.exp(rng.normal(Math.log(opts.feeRate.medianSatPerVb), opts.feeRate.sigma)),
  );
  return {
    data: tx.data,
    txid: tx.txid,
    wtxid: tx.wtxid,
    txidHex: toDisplayHex(tx.txid),
    feeSats: BigInt(Math.ceil(rate * tx.vsize)),
    weight: tx.weight,
    sigops: sigopCost(inputs, outputs),
    spends: [],
    outputs,
    origin: 'synthetic',
  };
}

/** A P2WPKH spend: empty scriptSig, witness <sig> <pubkey>; legacy: scriptSig <sig> <pubkey>. */
export function fakeInput(
  rng: Rng,
  witness: boolean,
  prevTxid?: Buffer,
  prevIndex?: number,
): TxInputSpec {
  const sig = Buffer.concat([Buffer.from([0x30]), rng.bytes(70), Buffer.from([0x01])]);
  const pubkey = Buffer.concat([Buffer.from([rng.next() < 0.5 ? 0x02 : 0x03]), rng.bytes(32)]);
  return {
    prevTxid: prevTxid ?? rng.bytes(32),
    prevIndex: prevIndex ?? rng.int(0, 3),
    scriptSig: witness ? Buffer.alloc(0) : Buffer.concat([pushData(sig), pushData(pubkey)]),
    sequence: SEQUENCE_RBF,
    witness: witness ? [sig, pubkey] : [],
  };
}

/**
 * Signature-operation cost as BIP141 counts it for these shapes: 1 per P2WPKH input, 4 per
 * legacy CHECKSIG in an output script (a P2PKH output has one). Legacy scriptSigs hold only
 * pushes, so they add nothing.
 */
export function sigopCost(inputs: readonly TxInputSpec[], outputs: readonly TxOutput[]): number {
  const witnessInputs = inputs.filter((i) => i.witness.length > 0).length;
  const checksigOutputs = outputs.filter(
    (o) => o.scriptPubKey.length === 25 && o.scriptPubKey[24] === 0xac,
  ).length;
  return witnessInputs + 4 * checksigOutputs;
}

/** Seven in ten outputs pay P2WPKH where segwit exists, the rest P2PKH. */
function outputScript(rng: Rng, segwit: boolean): Buffer {
  return segwit && rng.next() < 0.7 ? witnessScript(0, rng.bytes(20)) : p2pkhScript(rng.bytes(20));
}

function pickCount(rng: Rng): number {
  const u = rng.next();
  return u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
}
