import { buildCoinbase, type TxOutput } from './coinbase.js';
import { foldBranch } from './fast-hash.js';
import { HEADER_SIZE, writeHeader } from './header.js';
import { merkleBranch } from './merkle.js';
import type { BlockTemplate } from './template.js';

export interface JobParams {
  /** Must sum to the template's coinbase value. */
  readonly payouts: readonly TxOutput[];
  readonly extranonce1Size: number;
  readonly extranonce2Size: number;
  readonly tag: string;
  readonly txVersion?: 1 | 2 | undefined;
}

/** The mining.notify fields of a job, as text on the wire (job id and clean_jobs aside). */
export interface NotifyFields {
  readonly prevHash: string;
  readonly coinb1: string;
  readonly coinb2: string;
  readonly merkleBranch: readonly string[];
  readonly version: string;
  readonly nbits: string;
  readonly ntime: string;
}

/**
 * A template turned into work: the decoded parts a share is checked against, and the same
 * parts as notify text. Buffers are shared, never written after creation.
 */
export interface StratumJob {
  readonly template: BlockTemplate;
  readonly coinb1: Buffer;
  readonly coinb2: Buffer;
  readonly merkleBranch: readonly Buffer[];
  readonly extranonce1Size: number;
  readonly extranonce2Size: number;
  readonly prevHash: Buffer;
  readonly version: number;
  readonly bits: number;
  readonly ntime: number;
  readonly notify: NotifyFields;
}

export interface ShareHeader {
  readonly header: Buffer;
  /** The full coinbase without witness. */
  readonly coinbase: Buffer;
  readonly merkleRoot: Buffer;
}

export function buildJob(template: BlockTemplate, params: JobParams): StratumJob {
  const { coinb1, coinb2 } = buildCoinbase({
    height: template.height,
    coinbaseValueSats: template.coinbaseValueSats,
    outputs: params.payouts,
    witnessCommitment: template.defaultWitnessCommitment,
    extranonceSize: params.extranonce1Size + params.extranonce2Size,
    tag: params.tag,
    txVersion: params.txVersion,
  });
  const branch = merkleBranch(template.transactions.map((t) => t.txid));
  return {
    template,
    coinb1,
    coinb2,
    merkleBranch: branch,
    extranonce1Size: params.extranonce1Size,
    extranonce2Size: params.extranonce2Size,
    prevHash: template.prevHash,
    version: template.version,
    bits: template.bits,
    ntime: template.curTime,
    notify: {
      prevHash: prevHashStratum(template.prevHash),
      coinb1: coinb1.toString('hex'),
      coinb2: coinb2.toString('hex'),
      merkleBranch: branch.map((h) => h.toString('hex')),
      version: wordHex(template.version),
      nbits: wordHex(template.bits),
      ntime: wordHex(template.curTime),
    },
  };
}

/**
 * The previous block hash as mining.notify carries it: the internal byte order with the bytes
 * of each 32-bit word reversed (equivalently the display hex with its eight words in reverse
 * order). Miners decode each word as a little-endian integer, which undoes the swap.
 */
export function prevHashStratum(prevHash: Buffer): string {
  if (prevHash.length !== 32) throw new RangeError(`prevHash is ${prevHash.length} bytes`);
  return Buffer.from(prevHash).swap32().toString('hex');
}

/** A 32-bit number as mining.notify writes version, nbits and ntime: 8 hex digits, big-endian. */
export function wordHex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

/**
 * Rebuilds what a miner hashed: the coinbase from the job's parts and the extranonces, the
 * merkle root by folding the branch, and the 80-byte header. `version` is the final header
 * version (job version with any rolled bits already applied). Hot path: decoded buffers only.
 */
export function headerForShare(
  job: StratumJob,
  extranonce1: Buffer,
  extranonce2: Buffer,
  ntime: number,
  nonce: number,
  version: number,
): ShareHeader {
  if (extranonce1.length !== job.extranonce1Size || extranonce2.length !== job.extranonce2Size) {
    throw new RangeError(
      `extranonce sizes ${extranonce1.length}+${extranonce2.length}, job wants ` +
        `${job.extranonce1Size}+${job.extranonce2Size}`,
    );
  }
  const { coinb1, coinb2 } = job;
  const coinbase = Buffer.allocUnsafe(
    coinb1.length + extranonce1.length + extranonce2.length + coinb2.length,
  );
  coinb1.copy(coinbase, 0);
  extranonce1.copy(coinbase, coinb1.length);
  extranonce2.copy(coinbase, coinb1.length + extranonce1.length);
  coinb2.copy(coinbase, coinbase.length - coinb2.length);
  const root = foldBranch(coinbase, job.merkleBranch);
  const header = Buffer.allocUnsafe(HEADER_SIZE);
  writeHeader(header, version, job.prevHash, root, ntime, job.bits, nonce);
  return { header, coinbase, merkleRoot: root };
}
