import type { ChimeraError } from '../../../errors.js';
import type { Scheduler, TimerHandle } from '../../../runtime/scheduler.js';
import type { AcceptedShare, ShareSink } from '../../stratum/ports.js';
import type { SqlClient } from '../sql/sql-client.js';
import { storeError } from '../store-errors.js';
import { writeShareBatch } from './share-batch-writer.js';
import { SeenCache } from './seen-cache.js';
import { shareRow, type ShareRow } from './share-columns.js';

/**
 * When `record` resolves:
 * - `durable`: after the transaction holding the share committed. With PostgreSQL that is
 *   after the commit's WAL flush (synchronous_commit on): the share survives a crash of the
 *   server or the machine. A failed transaction rejects every share of its batch.
 * - `ack-then-write`: at once; the write follows in the next batch. A crash of this process
 *   loses the shares still queued (at most a flush interval's worth, more while the
 *   database is failing). A failed batch is kept, reported to `onWriteError`, and retried.
 * PGlite does not fsync: even `durable` there survives a crash of the process, not of the
 * machine (and nothing at all in memory mode).
 */
export type AckMode = 'durable' | 'ack-then-write';

export interface ShareLedgerOptions {
  readonly sql: SqlClient;
  readonly scheduler: Scheduler;
  readonly mode?: AckMode;
  /** A share waits at most this long for its batch to start (ms). */
  readonly flushIntervalMs?: number;
  /** A batch never holds more than this; a full batch is written at once. */
  readonly maxBatch?: number;
  /** Shares queued beyond this are refused with LEDGER_OVERLOADED: memory is bounded. */
  readonly maxQueued?: number;
  /** After a failed batch, the next one waits this long, so an outage is not a busy loop. */
  readonly retryDelayMs?: number;
  /** Hears about every failed batch (both modes); in ack-then-write the only report. */
  readonly onWriteError?: (error: ChimeraError) => void;
}

export interface ShareLedgerStats {
  readonly queued: number;
  readonly committedShares: number;
  readonly committedBatches: number;
  readonly failedBatches: number;
}

interface Pending {
  readonly seq: number;
  readonly queuedAtMs: number;
  readonly row: ShareRow;
  readonly resolve?: () => void;
  readonly reject?: (error: ChimeraError) => void;
}

/**
 * The durable share ledger behind ShareSink.record, with group commit: shares queue in
 * memory and go to the database as one INSERT in one transaction, when a batch fills or
 * `flushIntervalMs` after the first share of the batch arrived, one batch at a time, so the
 * shares' ids follow the order they were recorded in.
 */
export class ShareLedger implements Pick<ShareSink, 'record'> {
  readonly mode: AckMode;
  private readonly sql: SqlClient;
  private readonly scheduler: Scheduler;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly retryDelayMs: number;
  private readonly onWriteError: ((error: ChimeraError) => void) | undefined;
  // last_seen_ms is refreshed at most once a minute per worker by this process.
  private readonly seen = new SeenCache(60_000);
  private queue: Pending[] = [];
  private timer: TimerHandle | undefined;
  /** The batch being written; resolves true when it failed. */
  private writing: Promise<boolean> | undefined;
  private closed = false;
  private seq = 0;
  private notBeforeMs = Number.NEGATIVE_INFINITY;
  private committedShares = 0;
  private committedBatches = 0;
  private failedBatches = 0;

  constructor(opts: ShareLedgerOptions) {
    this.sql = opts.sql;
    this.scheduler = opts.scheduler;
    this.mode = opts.mode ?? 'durable';
    this.flushIntervalMs = positive(opts.flushIntervalMs ?? 5, 'flushIntervalMs');
    this.maxBatch = positive(opts.maxBatch ?? 1000, 'maxBatch');
    this.maxQueued = positive(opts.maxQueued ?? 100_000, 'maxQueued');
    this.retryDelayMs = positive(opts.retryDelayMs ?? 100, 'retryDelayMs');
    this.onWriteError = opts.onWriteError;
  }

  /** Queues one share; see AckMode for when the promise settles. */
  record(share: AcceptedShare): Promise<void> {
    if (this.closed) return Promise.reject(storeError('LEDGER_CLOSED', 'the ledger is closed'));
    let row: ShareRow;
    try {
      row = shareRow(share);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        storeError('LEDGER_OVERLOADED', `${this.queue.length} shares are waiting already`),
      );
    }
    const seq = ++this.seq;
    const queuedAtMs = this.scheduler.clock.nowMs();
    if (this.mode === 'ack-then-write') {
      this.queue.push({ seq, queuedAtMs, row });
      this.schedule();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ seq, queuedAtMs, row, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Writes every share queued before the call, ignoring the timer, and resolves after. In
   * ack-then-write mode it stops at the first failed batch: that batch goes back to the head
   * of the queue, and nothing behind it may be written first.
   */
  async flush(): Promise<void> {
    const upTo = this.seq;
    for (;;) {
      if (this.writing !== undefined) {
        const failed = await this.writing;
        if (failed && this.mode === 'ack-then-write') return;
        continue;
      }
      const next = this.queue[0];
      if (next === undefined || next.seq > upTo) return;
      this.startWrite();
    }
  }

  /**
   * Refuses new shares, writes the queued ones and stops the timer. Rejects with
   * LEDGER_WRITE_FAILED when acknowledged shares (ack-then-write) could not be written.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    this.scheduler.clear(this.timer);
    this.timer = undefined;
    if (this.queue.length > 0) {
      throw storeError(
        'LEDGER_WRITE_FAILED',
        `${this.queue.length} acknowledged shares were not written`,
        { shares: this.queue.length },
      );
    }
  }

  stats(): ShareLedgerStats {
    return {
      queued: this.queue.length,
      committedShares: this.committedShares,
      committedBatches: this.committedBatches,
      failedBatches: this.failedBatches,
    };
  }

  /**
   * Writes now when a batch is full or its oldest share has waited flushIntervalMs (and no
   * retry delay is running), else arms the timer for that moment. A running write calls
   * this again when it ends.
   */
  private schedule(): void {
    const oldest = this.queue[0];
    if (this.writing !== undefined || oldest === undefined) return;
    const nowMs = this.scheduler.clock.nowMs();
    const dueMs =
      this.queue.length >= this.maxBatch ? 0 : oldest.queuedAtMs + this.flushIntervalMs - nowMs;
    const waitMs = Math.max(dueMs, this.notBeforeMs - nowMs);
    if (waitMs <= 0) {
      this.startWrite();
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      this.startWrite();
    }, waitMs);
  }

  private startWrite(): void {
    if (this.writing !== undefined || this.queue.length === 0) return;
    this.scheduler.clear(this.timer);
    this.timer = undefined;
    const batch = this.queue.splice(0, this.maxBatch);
    this.writing = this.write(batch).then((failed) => {
      this.writing = undefined;
      if (failed) this.notBeforeMs = this.scheduler.clock.nowMs() + this.retryDelayMs;
      if (!this.closed) this.schedule();
      return failed;
    });
  }

  /** One batch in one transaction; true when it failed. Never rejects. */
  private async write(batch: Pending[]): Promise<boolean> {
    const rows = batch.map((p) => p.row);
    const seen = this.seen.due(rows);
    try {
      await this.sql.transaction((tx) => writeShareBatch(tx, rows, seen));
    } catch (err) {
      this.failedBatches++;
      const error = storeError('LEDGER_WRITE_FAILED', `a batch of ${batch.length} shares failed`, {
        shares: batch.length,
        cause: err,
      });
      if (this.mode === 'ack-then-write') this.queue = [...batch, ...this.queue];
      for (const p of batch) p.reject?.(error);
      this.onWriteError?.(error);
      return true;
    }
    this.seen.written(seen);
    this.committedShares += batch.length;
    this.committedBatches++;
    for (const p of batch) p.resolve?.();
    return false;
  }
}

function positive(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 1) {
    throw storeError('STORE_CONFIG', `${name} must be a positive integer, got ${n}`);
  }
  return n;
}
