import { varint } from '../bytes.js';
import { withCoinbaseWitness } from './coinbase.js';
import { HEADER_SIZE } from './header.js';
import type { ShareHeader, StratumJob } from './job.js';

export interface BlockParts {
  readonly header: Buffer;
  /** Serialized coinbase: with its witness when the block commits to witnesses. */
  readonly coinbase: Buffer;
  readonly transactions: readonly { readonly data: Buffer }[];
  /** Litecoin's MWEB extension block (the template's `mweb`), written after the transactions. */
  readonly mweb?: Buffer | undefined;
}

/**
 * header | varint(tx count) | coinbase | transactions | and, for Litecoin with MWEB active,
 * 0x01 | mweb bytes (the extension block as an optional, present).
 */
export function serializeBlock(parts: BlockParts): Buffer {
  if (parts.header.length !== HEADER_SIZE) {
    throw new RangeError(`header is ${parts.header.length} bytes`);
  }
  const chunks: Buffer[] = [
    parts.header,
    varint(1 + parts.transactions.length),
    parts.coinbase,
    ...parts.transactions.map((t) => t.data),
  ];
  if (parts.mweb !== undefined) chunks.push(Buffer.from([0x01]), parts.mweb);
  return Buffer.concat(chunks);
}

/** The block as submitblock takes it. */
export function blockHex(parts: BlockParts): string {
  return serializeBlock(parts).toString('hex');
}

/**
 * The block a share makes when it also meets the network target: the share's header and
 * coinbase with the job's template transactions. The coinbase gets its witness exactly when
 * the job carries a witness commitment (daemons refuse the other two combinations).
 */
export function blockForShare(job: StratumJob, share: ShareHeader): Buffer {
  const { template } = job;
  return serializeBlock({
    header: share.header,
    coinbase:
      template.defaultWitnessCommitment === undefined
        ? share.coinbase
        : withCoinbaseWitness(share.coinbase),
    transactions: template.transactions,
    mweb: template.mweb,
  });
}
