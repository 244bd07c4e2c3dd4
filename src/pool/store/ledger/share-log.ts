import type { SqlClient } from '../sql/sql-client.js';
import { readPplnsWindow, type PplnsWindow, type WindowReadOptions } from './pplns-window.js';
import { pruneShares, type PruneOptions, type PruneOutcome } from './share-pruning.js';
import {
  newestShareId,
  sharesNewestFirst,
  type NewestFirstOptions,
  type ShareWork,
} from './share-reader.js';
import { ShareLedger, type ShareLedgerOptions } from './share-ledger.js';

/** The stored share log: its writer (the ledger) and what PPLNS and pruning read. */
export class ShareLog {
  constructor(private readonly sql: SqlClient) {}

  /** A group-committing writer; close it before closing the store. */
  ledger(opts: Omit<ShareLedgerOptions, 'sql'>): ShareLedger {
    return new ShareLedger({ ...opts, sql: this.sql });
  }

  newestFirst(network: string, opts?: NewestFirstOptions): AsyncGenerator<ShareWork> {
    return sharesNewestFirst(this.sql, network, opts);
  }

  newestId(network: string): Promise<bigint | undefined> {
    return newestShareId(this.sql, network);
  }

  window(network: string, windowWork: bigint, opts?: WindowReadOptions): Promise<PplnsWindow> {
    return readPplnsWindow(this.sql, network, windowWork, opts);
  }

  prune(network: string, opts: PruneOptions): Promise<PruneOutcome> {
    return pruneShares(this.sql, network, opts);
  }
}
