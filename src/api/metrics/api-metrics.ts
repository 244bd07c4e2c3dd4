import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LedgerStatsView, NetworkLiveStats } from '../ports.js';

export interface BlockCount {
  readonly network: string;
  readonly status: string;
  readonly count: number;
}

/**
 * The API's Prometheus registry: its own instance, never prom-client's global one, so two
 * APIs in one process (tests, the simulator) keep their numbers apart. Pool figures are
 * copied from the stats provider and the store on each scrape.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requestSeconds = new Histogram({
    name: 'chimera_api_request_duration_seconds',
    help: 'API request latency',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly connectionsOpen = this.gauge(
    'chimera_stratum_connections',
    'open Stratum connections',
    ['network'],
  );
  private readonly connectionsAccepted = this.counter(
    'chimera_stratum_connections_accepted_total',
    'Stratum connections accepted',
    ['network'],
  );
  private readonly shares = this.counter('chimera_shares_total', 'shares by result and reason', [
    'network',
    'result',
    'reason',
  ]);
  private readonly poolHashrate = this.gauge('chimera_pool_hashrate', 'pool hashrate (H/s)', [
    'network',
  ]);
  private readonly workersOnline = this.gauge('chimera_workers_online', 'workers online', [
    'network',
  ]);
  private readonly minersOnline = this.gauge('chimera_miners_online', 'addresses online', [
    'network',
  ]);
  private readonly blocks = this.gauge('chimera_blocks', 'blocks found, by status', [
    'network',
    'status',
  ]);
  private readonly ledgerQueued = this.gauge(
    'chimera_ledger_queued_shares',
    'shares waiting for their batch',
    [],
  );
  private readonly ledgerShares = this.counter(
    'chimera_ledger_committed_shares_total',
    'shares committed',
    [],
  );
  private readonly ledgerBatches = this.counter(
    'chimera_ledger_committed_batches_total',
    'batches committed',
    [],
  );
  private readonly ledgerFailed = this.counter(
    'chimera_ledger_failed_batches_total',
    'batches failed',
    [],
  );

  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    this.requestSeconds.observe({ method, route, status_code: String(statusCode) }, seconds);
  }

  /** Copies the pool's current figures in, just before a scrape. */
  update(
    networks: readonly NetworkLiveStats[],
    blocks: readonly BlockCount[],
    ledger: LedgerStatsView | undefined,
  ): void {
    for (const m of [this.connectionsOpen, this.connectionsAccepted, this.shares, this.blocks])
      m.reset();
    for (const n of networks) {
      const network = n.network;
      this.connectionsOpen.set({ network }, n.counters.connectionsOpen);
      this.connectionsAccepted.inc({ network }, n.counters.connectionsAccepted);
      this.shares.inc(
        { network, result: 'accepted', reason: '' },
        Math.max(0, n.counters.sharesAccepted - n.counters.blocks),
      );
      this.shares.inc({ network, result: 'block', reason: '' }, n.counters.blocks);
      for (const [reason, count] of Object.entries(n.counters.sharesRejected)) {
        this.shares.inc({ network, result: 'rejected', reason }, count);
      }
      this.poolHashrate.set({ network }, n.poolHashrate);
      this.workersOnline.set({ network }, n.workersOnline);
      this.minersOnline.set({ network }, n.minersOnline);
    }
    for (const b of blocks) this.blocks.set({ network: b.network, status: b.status }, b.count);
    if (ledger !== undefined) {
      for (const m of [this.ledgerShares, this.ledgerBatches, this.ledgerFailed]) m.reset();
      this.ledgerQueued.set(ledger.queued);
      this.ledgerShares.inc(ledger.committedShares);
      this.ledgerBatches.inc(ledger.committedBatches);
      this.ledgerFailed.inc(ledger.failedBatches);
    }
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  // Totals the pool already keeps: reset and set on each scrape, still monotonic upstream.
  private counter<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
  ): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
