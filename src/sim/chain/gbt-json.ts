import { bitsHex } from '../../pool/core/difficulty/index.js';
import { toDisplayHex } from '../../pool/core/bytes.js';
import { MAX_BLOCK_SIGOPS_COST, MAX_BLOCK_WEIGHT } from './consensus-constants.js';
import type { TemplateData } from './template-data.js';
import { simError } from './sim-errors.js';

export interface GbtTransaction {
  readonly data: string;
  readonly txid: string;
  readonly hash: string;
  /** 1-based indexes of earlier template transactions this one spends. */
  readonly depends: readonly number[];
  readonly fee: number;
  readonly sigops: number;
  readonly weight: number;
}

/** A getblocktemplate result, field for field (and in the order) litecoind 0.21 and Bitcoin Core 29 send. */
export interface GbtResult {
  readonly capabilities: readonly string[];
  readonly version: number;
  readonly rules: readonly string[];
  readonly vbavailable: Readonly<Record<string, number>>;
  readonly vbrequired: number;
  readonly previousblockhash: string;
  readonly transactions: readonly GbtTransaction[];
  readonly coinbaseaux: Readonly<Record<string, string>>;
  readonly coinbasevalue: number;
  readonly longpollid: string;
  readonly target: string;
  readonly mintime: number;
  readonly mutable: readonly string[];
  readonly noncerange: string;
  readonly sigoplimit: number;
  readonly sizelimit: number;
  readonly weightlimit: number;
  readonly curtime: number;
  readonly bits: string;
  readonly height: number;
  readonly default_witness_commitment?: string;
}

/** The JSON an RPC server serves for getblocktemplate (template mode). */
export function toGbtResult(d: TemplateData): GbtResult {
  const index = new Map(d.txs.map((t, i) => [t.txidHex, i + 1]));
  return {
    capabilities: ['proposal'],
    version: d.version,
    rules: d.rules,
    vbavailable: {},
    vbrequired: 0,
    previousblockhash: d.parent.hashHex,
    transactions: d.txs.map((t) => ({
      data: t.data.toString('hex'),
      txid: t.txidHex,
      hash: toDisplayHex(t.wtxid),
      depends: t.spends.flatMap((s) => index.get(s.txid) ?? []),
      fee: safeNumber(t.feeSats, 'fee'),
      sigops: t.sigops,
      weight: t.weight,
    })),
    coinbaseaux: {},
    coinbasevalue: safeNumber(d.coinbaseValueSats, 'coinbasevalue'),
    longpollid: d.longPollId,
    target: d.target.toString(16).padStart(64, '0'),
    mintime: d.minTime,
    mutable: ['time', 'transactions', 'prevblock'],
    noncerange: '00000000ffffffff',
    sigoplimit: MAX_BLOCK_SIGOPS_COST,
    sizelimit: MAX_BLOCK_WEIGHT,
    weightlimit: MAX_BLOCK_WEIGHT,
    curtime: d.curTime,
    bits: bitsHex(d.bits),
    height: d.height,
    ...(d.witnessCommitment === undefined
      ? {}
      : { default_witness_commitment: d.witnessCommitment.toString('hex') }),
  };
}

function safeNumber(v: bigint, field: string): number {
  if (v < 0n || v > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw simError('SIM_AMOUNT_RANGE', `${field} ${v} does not fit a JSON number exactly`);
  }
  return Number(v);
}
