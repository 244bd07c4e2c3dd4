import { Faker, base } from '@faker-js/faker';
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

/** A kind of wallet activity: how many inputs and outputs, and how large the payments. */
interface WalletProfile {
  readonly inputs: { readonly min: number; readonly max: number };
  readonly outputs: { readonly min: number; readonly max: number };
  readonly amountSats: { readonly min: number; readonly max: number };
}

/** Everyday payments, exchange withdrawals batched to many payees, and UTXO consolidations. */
const WALLET_PROFILES: readonly { readonly weight: number; readonly value: WalletProfile }[] = [
  {
    weight: 70,
    value: {
      inputs: { min: 1, max: 2 },
      outputs: { min: 1, max: 2 },
      amountSats: { min: 1_000, max: 50_000_000 },
    },
  },
  {
    weight: 20,
    value: {
      inputs: { min: 1, max: 3 },
      outputs: { min: 3, max: 12 },
      amountSats: { min: 100_000, max: 2_000_000_000 },
    },
  },
  {
    weight: 10,
    value: {
      inputs: { min: 4, max: 15 },
      outputs: { min: 1, max: 1 },
      amountSats: { min: 10_000, max: 500_000_000 },
    },
  },
];

/*
 * Traffic that looks like wallets paying each other: faker picks a wallet profile and shapes
 * its counts and amounts; four in five spends are P2WPKH and the rest legacy P2PKH; fee rates
 * are log-normal around a median. Faker is seeded from the Rng for every transaction, so the
 * Rng stays the single source of every draw and a seed replays the same traffic. Inputs spend
 * random outpoints the simulator does not track, and signatures are random bytes of the
 * right shape: sizes, weights, txids and wtxids are real, scripts are never executed.
 */
const faker = new Faker({ locale: [base] });

export function syntheticTx(rng: Rng, opts: SyntheticTxOptions): SimTx {
  faker.seed(rng.int(0, 0x7fffffff));
  const profile = faker.helpers.weightedArrayElement(WALLET_PROFILES);
  const witnessSpend = opts.segwit && rng.next() < 0.8;
  const inputs: TxInputSpec[] = Array.from({ length: faker.number.int(profile.inputs) }, () =>
    fakeInput(rng, witnessSpend),
  );
  const outputs: TxOutput[] = Array.from({ length: faker.number.int(profile.outputs) }, () => ({
    scriptPubKey: outputScript(rng, opts.segwit),
    valueSats: BigInt(faker.number.int(profile.amountSats)),
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
