import { fromDisplayHex, fromHex, isHex } from '../bytes.js';

/** One transaction of a block template, parsed. Hashes are in internal byte order. */
export interface TemplateTransaction {
  readonly data: Buffer;
  /** Hash without witness (what the merkle root commits to). */
  readonly txid: Buffer;
  /** Hash with witness (what the witness commitment commits to). */
  readonly wtxid: Buffer;
  readonly feeSats: bigint;
  readonly weight: number;
}

/**
 * A `getblocktemplate` answer, parsed and checked once at the edge. Everything downstream
 * (jobs, block assembly) takes this, never raw JSON.
 */
export interface BlockTemplate {
  readonly height: number;
  readonly version: number;
  /** Internal byte order (as serialized in the header). */
  readonly prevHash: Buffer;
  /** As RPC shows it (display order). */
  readonly prevHashHex: string;
  readonly bits: number;
  readonly target: bigint;
  readonly curTime: number;
  readonly minTime: number;
  readonly coinbaseValueSats: bigint;
  readonly transactions: readonly TemplateTransaction[];
  /** The scriptPubKey of the segwit witness commitment output, when the template has one. */
  readonly defaultWitnessCommitment?: Buffer;
  /** Raw MWEB extension block bytes (litecoind with MWEB active); appended after the txs. */
  readonly mweb?: Buffer;
  readonly longPollId?: string;
  readonly rules: readonly string[];
}

export type TemplateParse =
  | { readonly ok: true; readonly template: BlockTemplate }
  | { readonly ok: false; readonly error: string };

/** Parses a `getblocktemplate` result; a malformed one is a value, not a throw. */
export function parseBlockTemplate(raw: unknown): TemplateParse {
  if (typeof raw !== 'object' || raw === null) return fail('template is not an object');
  const r = raw as Record<string, unknown>;
  const height = r['height'];
  const version = r['version'];
  const prev = r['previousblockhash'];
  const bits = r['bits'];
  const target = r['target'];
  const curTime = r['curtime'];
  const minTime = r['mintime'] ?? r['curtime'];
  const value = r['coinbasevalue'];
  const txs = r['transactions'] ?? [];
  if (!isUint(height)) return fail('height must be a non-negative integer');
  if (!isUint(version) && !(Number.isInteger(version) && (version as number) < 0)) {
    return fail('version must be an integer');
  }
  if (typeof prev !== 'string' || !isHex(prev, 32))
    return fail('previousblockhash must be 32 bytes of hex');
  if (typeof bits !== 'string' || !isHex(bits, 4)) return fail('bits must be 4 bytes of hex');
  if (typeof target !== 'string' || !isHex(target, 32))
    return fail('target must be 32 bytes of hex');
  if (!isUint(curTime)) return fail('curtime must be a non-negative integer');
  if (!isUint(minTime)) return fail('mintime must be a non-negative integer');
  if (!isUint(value)) return fail('coinbasevalue must be a non-negative integer');
  if (!Array.isArray(txs)) return fail('transactions must be an array');
  const transactions: TemplateTransaction[] = [];
  for (const [i, t] of txs.entries()) {
    const parsed = parseTx(t);
    if (typeof parsed === 'string') return fail(`transactions[${i}]: ${parsed}`);
    transactions.push(parsed);
  }
  const dwc = r['default_witness_commitment'];
  if (dwc !== undefined && (typeof dwc !== 'string' || !isHex(dwc))) {
    return fail('default_witness_commitment must be hex');
  }
  const mweb = r['mweb'];
  if (mweb !== undefined && (typeof mweb !== 'string' || !isHex(mweb)))
    return fail('mweb must be hex');
  const rules = r['rules'] ?? [];
  if (!Array.isArray(rules) || !rules.every((x) => typeof x === 'string')) {
    return fail('rules must be an array of strings');
  }
  const lp = r['longpollid'];
  const template: BlockTemplate = {
    height,
    version: (version as number) | 0,
    prevHash: fromDisplayHex(prev),
    prevHashHex: prev.toLowerCase(),
    bits: parseInt(bits, 16) >>> 0,
    target: BigInt(`0x${target}`),
    curTime,
    minTime,
    coinbaseValueSats: BigInt(value),
    transactions,
    rules: rules,
    ...(typeof dwc === 'string' ? { defaultWitnessCommitment: fromHex(dwc) } : {}),
    ...(typeof mweb === 'string' ? { mweb: fromHex(mweb) } : {}),
    ...(typeof lp === 'string' ? { longPollId: lp } : {}),
  };
  return { ok: true, template };
}

function parseTx(t: unknown): TemplateTransaction | string {
  if (typeof t !== 'object' || t === null) return 'not an object';
  const r = t as Record<string, unknown>;
  const data = r['data'];
  const txid = r['txid'];
  const hash = r['hash'] ?? txid;
  if (typeof data !== 'string' || !isHex(data) || data.length === 0) return 'data must be hex';
  if (typeof txid !== 'string' || !isHex(txid, 32)) return 'txid must be 32 bytes of hex';
  if (typeof hash !== 'string' || !isHex(hash, 32)) return 'hash must be 32 bytes of hex';
  const fee = r['fee'] ?? 0;
  const weight = r['weight'] ?? 0;
  if (!Number.isSafeInteger(fee)) return 'fee must be an integer';
  if (!isUint(weight)) return 'weight must be a non-negative integer';
  return {
    data: fromHex(data),
    txid: fromDisplayHex(txid),
    wtxid: fromDisplayHex(hash),
    feeSats: BigInt(fee as number),
    weight,
  };
}

function isUint(v: unknown): v is number {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}

function fail(error: string): TemplateParse {
  return { ok: false, error };
}
