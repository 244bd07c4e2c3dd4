import type {
  HashratePoint,
  LedgerStatsView,
  MinerLiveStats,
  NetworkLiveStats,
  PoolEvent,
  PoolEventFeed,
  PoolStatsProvider,
} from './ports.js';

/** A PoolStatsProvider over values set by hand: tests, demos, the bench. */
export class MemoryPoolStats implements PoolStatsProvider {
  readonly networkStats = new Map<string, NetworkLiveStats>();
  readonly miners = new Map<string, MinerLiveStats>();
  readonly history = new Map<string, HashratePoint[]>();
  ledgerStats: LedgerStatsView | undefined;

  setNetwork(stats: NetworkLiveStats): void {
    this.networkStats.set(stats.network, stats);
  }

  setMiner(network: string, address: string, stats: MinerLiveStats): void {
    this.miners.set(`${network}/${address}`, stats);
  }

  networks(): Promise<readonly NetworkLiveStats[]> {
    return Promise.resolve([...this.networkStats.values()]);
  }

  miner(network: string, address: string): Promise<MinerLiveStats | undefined> {
    return Promise.resolve(this.miners.get(`${network}/${address}`));
  }

  hashrateHistory(network: string, address: string | undefined): Promise<readonly HashratePoint[]> {
    return Promise.resolve(this.history.get(`${network}/${address ?? ''}`) ?? []);
  }

  ledger(): LedgerStatsView | undefined {
    return this.ledgerStats;
  }
}

/** A PoolEventFeed that delivers what `publish` is given, in order, to every listener. */
export class MemoryEventFeed implements PoolEventFeed {
  private readonly listeners = new Set<(event: PoolEvent) => void>();

  subscribe(listener: (event: PoolEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: PoolEvent): void {
    for (const l of this.listeners) l(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
