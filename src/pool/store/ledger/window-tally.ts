import type { PplnsShare } from '../../core/payouts/window.js';

/**
 * A PPLNS window summed per account. splitPplns only ever looks at the work per account, so
 * splitting `byAccount` gives exactly the split of the raw window that selectWindow would
 * return, while memory stays one entry per account, not per share.
 */
export interface PplnsWindow {
  /** One entry per account with its work in the window, sorted by account. */
  readonly byAccount: readonly PplnsShare[];
  /** min(windowWork, all work available). */
  readonly work: bigint;
  readonly shareCount: number;
  /** The newest and oldest share in the window; undefined when it is empty. */
  readonly newestShareId: bigint | undefined;
  readonly oldestShareId: bigint | undefined;
}

/** Builds a PplnsWindow from parts read newest first. */
export class WindowTally {
  private readonly byAccount = new Map<string, bigint>();
  private shareCount = 0;
  private newestShareId: bigint | undefined;
  private oldestShareId: bigint | undefined;
  private remainingWork: bigint;

  constructor(readonly windowWork: bigint) {
    if (windowWork < 0n) throw new RangeError(`windowWork must be >= 0, got ${windowWork}`);
    this.remainingWork = windowWork;
  }

  /** Work still missing before the window is full. */
  get remaining(): bigint {
    return this.remainingWork;
  }

  /** Adds `work` for `account` from `shares` shares whose ids span newestId..oldestId. */
  add(account: string, work: bigint, shares: number, newestId: bigint, oldestId: bigint): void {
    if (work > this.remainingWork) throw new RangeError('a part overfills the window');
    this.byAccount.set(account, (this.byAccount.get(account) ?? 0n) + work);
    this.remainingWork -= work;
    this.shareCount += shares;
    if (this.newestShareId === undefined || newestId > this.newestShareId) {
      this.newestShareId = newestId;
    }
    if (this.oldestShareId === undefined || oldestId < this.oldestShareId) {
      this.oldestShareId = oldestId;
    }
  }

  result(): PplnsWindow {
    const accounts = [...this.byAccount.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      byAccount: accounts.map((account) => ({ account, work: this.byAccount.get(account) ?? 0n })),
      work: this.windowWork - this.remainingWork,
      shareCount: this.shareCount,
      newestShareId: this.newestShareId,
      oldestShareId: this.oldestShareId,
    };
  }
}
