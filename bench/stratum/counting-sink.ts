import type {
  AcceptedShare,
  BlockCandidate,
  RejectedShare,
  ShareSink,
} from '../../src/pool/stratum/index.js';

/**
 * In-memory books that answer at once: work credited per address, counts of the rest.
 * `record` returns nothing, so the pool answers `true` in the same turn, and what is timed is
 * the Stratum server, not a ledger. Unlike MemorySink it keeps no share objects, so memory
 * readings are not skewed by the books.
 */
export class CountingSink implements ShareSink {
  readonly workByAddress = new Map<string, bigint>();
  accepted = 0;
  blocks = 0;
  rejectedCount = 0;

  record(share: AcceptedShare): void {
    this.accepted++;
    this.workByAddress.set(
      share.address,
      (this.workByAddress.get(share.address) ?? 0n) + share.work,
    );
  }

  submitBlock(_candidate: BlockCandidate): void {
    this.blocks++;
  }

  rejected(_share: RejectedShare): void {
    this.rejectedCount++;
  }
}
