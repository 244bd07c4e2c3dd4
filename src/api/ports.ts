import type { Logger } from 'pino';
import type { Clock } from '../runtime/clock.js';
import type { LiveState } from '../pool/store/live/live-state.js';
import type { Store } from '../pool/store/store.js';

/** What a Stratum server has counted since it started (a view of its counters snapshot). */
export interface StratumCountersView {
  readonly connectionsOpen: number;
  readonly connectionsAccepted: number;
  readonly sharesAccepted: number;
  /** Accepted shares that also met the network target. */
  readonly blocks: number;
  /** Rejected shares by reason (stale, duplicate, low-difficulty, ...). */
  readonly sharesRejected: Readonly<Record<string, number>>;
}

export interface StratumPortView {
  readonly port: number;
  /** Starting share difficulty on this port, exact decimal text. */
  readonly difficulty: string;
}

/** A network as the running pool sees it now. */
export interface NetworkLiveStats {
  readonly network: string;
  readonly poolHashrate: number;
  /** undefined while the daemon has not been asked. */
  readonly networkHashrate: number | undefined;
  /** Exact decimal text. */
  readonly networkDifficulty: string | undefined;
  readonly height: number | undefined;
  readonly minersOnline: number;
  readonly workersOnline: number;
  /** Work since the last block over the expected work per block (1 = 100 %). */
  readonly roundEffort: number | undefined;
  readonly ports: readonly StratumPortView[];
  readonly counters: StratumCountersView;
}

export interface HashrateWindow {
  readonly windowMs: number;
  readonly hashesPerSecond: number;
}

export interface WorkerLiveStats {
  readonly name: string;
  readonly online: boolean;
  readonly hashrate: readonly HashrateWindow[];
  readonly lastShareMs: number | undefined;
}

/** One address on one network, as the running pool counts it. */
export interface MinerLiveStats {
  readonly hashrate: readonly HashrateWindow[];
  readonly workers: readonly WorkerLiveStats[];
  readonly shares: {
    readonly accepted: number;
    readonly blocks: number;
    readonly rejected: Readonly<Record<string, number>>;
  };
}

export interface HashratePoint {
  readonly atMs: number;
  readonly hashesPerSecond: number;
}

/** The share ledger's own counters (ShareLedgerStats). */
export interface LedgerStatsView {
  readonly queued: number;
  readonly committedShares: number;
  readonly committedBatches: number;
  readonly failedBatches: number;
}

/** What the API reads of the running pool. The lead implements it over createPool. */
export interface PoolStatsProvider {
  networks(): Promise<readonly NetworkLiveStats[]>;
  /** undefined when the pool has never seen the address on the network. */
  miner(network: string, address: string): Promise<MinerLiveStats | undefined>;
  /** The pool's (or one address's) hashrate, oldest point first. */
  hashrateHistory(network: string, address: string | undefined): Promise<readonly HashratePoint[]>;
  /** undefined when the pool runs without durable books. */
  ledger(): LedgerStatsView | undefined;
}

export interface NetworkStatus {
  readonly active: string | undefined;
  /** A switch under way (canary) or undefined. */
  readonly switching: { readonly from: string | undefined; readonly to: string } | undefined;
  /** Where a rollback would go. */
  readonly previous: string | undefined;
}

export type SwitchOutcome =
  | { readonly kind: 'started' | 'completed'; readonly status: NetworkStatus }
  | { readonly kind: 'refused'; readonly reason: string };

/** The hot network switch, the same mechanism as the command line's. */
export interface NetworkControl {
  status(): Promise<NetworkStatus>;
  switchTo(network: string, actor: string): Promise<SwitchOutcome>;
  rollback(actor: string): Promise<SwitchOutcome>;
}

export type PoolEvent =
  | {
      readonly type: 'block';
      readonly network: string;
      readonly height: number;
      readonly hash: string;
      readonly foundBy: string;
      readonly atMs: number;
    }
  | {
      readonly type: 'switch';
      readonly from: string | undefined;
      readonly to: string;
      readonly phase: string;
      readonly atMs: number;
    }
  | {
      readonly type: 'share-rate';
      readonly network: string;
      readonly sharesPerSecond: number;
      readonly atMs: number;
    };

/** Where the live stream hears about blocks, switches and share-rate ticks. */
export interface PoolEventFeed {
  subscribe(listener: (event: PoolEvent) => void): () => void;
}

/** Unpredictable bytes for tokens, salts and secrets: node:crypto in production. */
export interface SecretSource {
  randomBytes(n: number): Buffer;
}

export interface ApiConfig {
  /** HS256 key for access tokens, at least 32 bytes; share it between API processes. */
  readonly jwtSecret: Uint8Array;
  readonly accessTokenTtlMs: number;
  readonly refreshTokenTtlMs: number;
  /** Origins allowed by CORS; empty: no cross-origin access. */
  readonly corsOrigins: readonly string[];
  readonly bodyLimitBytes: number;
  /** Requests per client per minute on any route without its own limit. */
  readonly defaultRateLimitPerMinute: number;
  /** Login attempts per client per minute. */
  readonly loginRateLimitPerMinute: number;
  /** Issuer shown in authenticator apps. */
  readonly mfaIssuer: string;
  /** Argon2id cost; tests lower it. */
  readonly argon2: { readonly memoryKiB: number; readonly iterations: number };
  /** Public pool stats are read at most this often (0: on every request). */
  readonly statsCacheMs: number;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client address. */
  readonly trustProxy: boolean;
}

export interface ApiDeps {
  readonly store: Store;
  readonly stats: PoolStatsProvider;
  readonly control: NetworkControl;
  readonly events: PoolEventFeed;
  /** Rate-limit counters, shared by every API process (Redis in production). */
  readonly live: LiveState;
  readonly clock: Clock;
  readonly secrets: SecretSource;
  readonly logger: Logger;
  readonly config?: Partial<ApiConfig>;
}
