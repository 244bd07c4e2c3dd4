import type { ShareRow } from './share-columns.js';

/** A miner (worker '' unused) or worker and the span of share times in one batch. */
export interface SeenRow {
  readonly network: string;
  readonly address: string;
  readonly worker: string;
  readonly firstMs: number;
  readonly lastMs: number;
}

export interface SeenRows {
  readonly miners: readonly SeenRow[];
  readonly workers: readonly SeenRow[];
}

/**
 * Which miners and workers a batch must touch in the miners/workers tables: the ones this
 * process has not written yet, or not for `granularityMs`. Without it every flush would
 * upsert (and so lock and rewrite) a row per active worker.
 */
export class SeenCache {
  private readonly writtenMs = new Map<string, number>();

  constructor(private readonly granularityMs: number) {}

  /** Rows to upsert for this batch, sorted so concurrent writers lock in the same order. */
  due(rows: readonly ShareRow[]): SeenRows {
    return {
      miners: this.dueOf(rows, (r) => [r.network, r.address], ''),
      workers: this.dueOf(rows, (r) => [r.network, r.address, r.worker], undefined),
    };
  }

  /** Call once the batch that carried `seen` has committed. */
  written(seen: SeenRows): void {
    for (const m of seen.miners) this.writtenMs.set(key([m.network, m.address]), m.lastMs);
    for (const w of seen.workers) {
      this.writtenMs.set(key([w.network, w.address, w.worker]), w.lastMs);
    }
  }

  private dueOf(
    rows: readonly ShareRow[],
    keyOf: (r: ShareRow) => readonly string[],
    worker: string | undefined,
  ): SeenRow[] {
    const spans = new Map<string, { row: ShareRow; firstMs: number; lastMs: number }>();
    for (const r of rows) {
      const k = key(keyOf(r));
      const span = spans.get(k);
      if (span === undefined) spans.set(k, { row: r, firstMs: r.timeMs, lastMs: r.timeMs });
      else {
        span.firstMs = Math.min(span.firstMs, r.timeMs);
        span.lastMs = Math.max(span.lastMs, r.timeMs);
      }
    }
    const due: [string, SeenRow][] = [];
    for (const [k, { row, firstMs, lastMs }] of spans) {
      const last = this.writtenMs.get(k);
      if (last !== undefined && lastMs - last < this.granularityMs) continue;
      const { network, address } = row;
      due.push([k, { network, address, worker: worker ?? row.worker, firstMs, lastMs }]);
    }
    return due.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  }
}

function key(parts: readonly string[]): string {
  return JSON.stringify(parts);
}
