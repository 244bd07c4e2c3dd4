import { classifyScript, encodeAddress } from '../../../pool/core/address/index.js';
import type { DecodedTx } from '../../../pool/core/block/index.js';
import { toDisplayHex } from '../../../pool/core/bytes.js';
import type { CoinParams } from '../../../pool/core/coins/index.js';
import { JsonNumber, type ExactJson } from '../../../pool/node/exact-json.js';
import { isCoinbase, strippedSize } from '../block-checks.js';
import type { DaemonDialect } from './dialect.js';

const SCRIPT_TYPES = {
  p2pkh: 'pubkeyhash',
  p2sh: 'scripthash',
  p2wpkh: 'witness_v0_keyhash',
  p2wsh: 'witness_v0_scripthash',
  p2tr: 'witness_v1_taproot',
  witness: 'witness_unknown',
} as const;

const OP_RETURN = 0x6a;

/**
 * A transaction as `getblock <hash> 2` shows it (TxToUniv), without `asm` (no script
 * disassembler here) and without fees (no undo data). Amounts are exact decimal literals.
 */
export function txJson(
  tx: DecodedTx,
  raw: Buffer,
  coin: CoinParams,
  dialect: DaemonDialect,
): ExactJson {
  const weight = strippedSize(tx) * 3 + tx.size;
  const coinbase = isCoinbase(tx);
  return {
    txid: toDisplayHex(tx.txid),
    hash: toDisplayHex(tx.wtxid),
    version: tx.version,
    size: tx.size,
    vsize: Math.ceil(weight / 4),
    weight,
    locktime: tx.lockTime,
    vin: tx.inputs.map((input) => ({
      ...(coinbase
        ? { coinbase: input.scriptSig.toString('hex') }
        : {
            txid: toDisplayHex(input.prevTxid),
            vout: input.prevIndex,
            scriptSig: { hex: input.scriptSig.toString('hex') },
          }),
      ...(input.witness.length === 0
        ? {}
        : { txinwitness: input.witness.map((w) => w.toString('hex')) }),
      sequence: input.sequence,
    })),
    vout: tx.outputs.map((o, n) => ({
      value: JsonNumber.ofSats(o.valueSats),
      n,
      scriptPubKey: scriptJson(o.scriptPubKey, coin, dialect),
    })),
    hex: raw.toString('hex'),
  };
}

function scriptJson(script: Buffer, coin: CoinParams, dialect: DaemonDialect): ExactJson {
  const standard = classifyScript(script);
  const hex = script.toString('hex');
  if (standard === undefined) {
    return { hex, type: script[0] === OP_RETURN ? 'nulldata' : 'nonstandard' };
  }
  const address = encodeAddress(script, coin.address);
  const type = SCRIPT_TYPES[standard.kind];
  return dialect.singleAddressField
    ? { hex, address, type }
    : { hex, reqSigs: 1, type, addresses: [address] };
}
