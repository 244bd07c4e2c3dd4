import type { PplnsShare } from '../core/payouts/window.js';
import type { AcceptedShare, RejectedShare, ShareRejectReason } from '../stratum/ports.js';

export interface ShareBookStats {
  readonly accepted: number;
  readonly blocks: number;
  readonly rejected: Readonly<Partial<Record<ShareRejectReason, number>>>;
  /** Accepted work per payout address (expected hashes). */
  readonly workByAddress: ReadonlyMap<string, bigint>;
}

/**
 * The pool's share accounting kept in memory: the newest `maxShares` accepted shares (what a
 * PPLNS window reads) and totals. It stands where the PostgreSQL ledger will, and acknowledges
 * at once: nothing here survives the process.
 */
export class MemoryShareBook {
  private readonly ring: (PplnsShare | undefined)[];
  private next = 0;
  private count = 0;
  private accepted = 0;
  private blocks = 0;
  private readonly rejectedByReason: Partial<Record<ShareRejectReason, number>> = {};
  private readonly workByAddress = new Map<string, bigint>();

  constructor(readonly maxShares: number) {
    if (!Number.isInteger(maxShares) || maxShares < 1)
      throw new RangeError(`maxShares ${maxShares}`);
    this.ring = new Array<PplnsShare | undefined>(maxShares);
  }

  record(share: AcceptedShare): void {
    this.ring[this.next] = { account: share.address, work: share.work };
    this.next = (this.next + 1) % this.maxShares;
    this.count = Math.min(this.count + 1, this.maxShares);
    this.accepted++;
    if (share.verdict === 'block') this.blocks++;
    this.workByAddress.set(
      share.address,
      (this.workByAddress.get(share.address) ?? 0n) + share.work,
    );
  }

  rejected(share: RejectedShare): void {
    this.rejectedByReason[share.reason] = (this.rejectedByReason[share.reason] ?? 0) + 1;
  }

  /** Newest first, as selectWindow reads them. */
  *sharesNewestFirst(): Generator<PplnsShare> {
    for (let i = 1; i <= this.count; i++) {
      const s = this.ring[(this.next - i + this.maxShares) % this.maxShares];
      if (s) yield s;
    }
  }

  stats(): ShareBookStats {
    return {
      accepted: this.accepted,
      blocks: this.blocks,
      rejected: { ...this.rejectedByReason },
      workByAddress: new Map(this.workByAddress),
    };
  }
}
