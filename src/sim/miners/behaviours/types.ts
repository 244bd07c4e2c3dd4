import type { RequestId, SubmitFields } from '../../../pool/stratum/codec/index.js';
import type { Rng, Scheduler } from '../../../runtime/index.js';
import type { StratumClient } from '../client/stratum-client.js';
import type { NotifyOutcome } from '../client/work-state.js';
import type { JobBoard } from '../miner/job-board.js';
import type { LineRecord, ShareRecord } from '../truth/records.js';
import type { MinerJob } from '../work/miner-job.js';
import type { Solution } from '../work/search-space.js';

/** A real solution the share clock produced, with what the miner knows about it. */
export interface FoundShare {
  readonly solution: Solution;
  readonly dueAtMs: number;
  readonly difficulty: number;
  readonly meetsShareTarget: boolean;
  readonly meetsNetworkTarget: boolean;
  readonly roundAgeMs: number | undefined;
}

export interface SolveRequest {
  /** Default: the current job. */
  readonly job?: MinerJob;
  /** 'miss': a hash that does NOT meet the target (a deliberately bad share). */
  readonly want?: 'meet' | 'miss';
  /** Default: the difficulty the miner believes in force. */
  readonly difficulty?: number;
  readonly ntime?: number;
  readonly versionBits?: number;
}

/** What a behaviour may do with the miner it drives. */
export interface MinerContext {
  readonly minerId: string;
  /** `address.worker` as authorized. */
  readonly username: string;
  readonly rng: Rng;
  readonly scheduler: Scheduler;
  readonly board: JobBoard;
  /** The live connection's client, if any. */
  readonly client: StratumClient | undefined;
  /** Time since the newest clean job (the current round); undefined before the first job. */
  roundAgeMs(): number | undefined;
  /** Grinds now for a solution as asked (real hashing, bounded); undefined when impossible. */
  solve(request?: SolveRequest): FoundShare | undefined;
  /** Sends a share (with any fields changed as given) and records the pool's answer. */
  submit(
    share: FoundShare,
    intent: string,
    overrides?: Partial<SubmitFields>,
  ): Promise<ShareRecord | undefined>;
  /** Records a share as found and deliberately never sent. */
  withhold(share: FoundShare, intent: string): void;
  /** Writes raw bytes; with `answeredAs`, records the answer the pool gives under that id. */
  sendLine(data: string | Buffer, intent: string, answeredAs?: RequestId): Promise<LineRecord>;
  /** Closes the connection from the miner's side; it reconnects after `reconnectInMs`. */
  disconnect(reconnectInMs: number): void;
}

/**
 * The hooks a behaviour fills in; each is optional and defaults to an honest miner's
 * action. A behaviour instance belongs to one miner.
 */
export interface BehaviourHooks {
  /** A connection opened: 'handshake' runs the profile's, 'custom' leaves the wire to the behaviour. */
  connected?(ctx: MinerContext): 'handshake' | 'custom';
  /** Subscribed and authorized. */
  live?(ctx: MinerContext): void;
  job?(ctx: MinerContext, outcome: NotifyOutcome): void;
  /** The share clock ticked: whether to mine this share at all (default yes). */
  shareDue?(ctx: MinerContext, dueAtMs: number): boolean;
  /** A share was found (default: submit it as honest). */
  found?(ctx: MinerContext, share: FoundShare): void;
  /** The pool answered a share this miner sent. */
  answered?(ctx: MinerContext, record: ShareRecord, share: FoundShare): void;
  /** The connection ended. */
  disconnected?(ctx: MinerContext): void;
  /** The miner stops: clear the behaviour's own timers. */
  stop?(ctx: MinerContext): void;
}

/**
 * What a correct pool must do with what the behaviour sends: the acceptance criterion a
 * scenario asserts, as data.
 */
export type ExpectedResponse =
  | { readonly kind: 'accept' }
  /** Each share tagged with `intent` is refused with this Stratum error code. */
  | { readonly kind: 'reject'; readonly intent: string; readonly code: number }
  /**
   * Every share is accepted except each tagged `staleIntent`: sent after a new tip (a clean
   * mining.notify) had replaced its job, which is refused with this code.
   */
  | { readonly kind: 'accept-unless-stale'; readonly staleIntent: string; readonly code: number }
  /** Each line tagged with `intent` gets this error code, and (after enough) the pool hangs up. */
  | {
      readonly kind: 'error-then-disconnect';
      readonly intent: string;
      readonly code: number;
      readonly ban: boolean;
    }
  /** The pool hangs up on a connection that never completes a line / the handshake. */
  | { readonly kind: 'disconnect'; readonly ban: boolean }
  /** Shares beyond the pool's rate are refused (code 20) while the connection stays. */
  | { readonly kind: 'rate-limit'; readonly intent: string; readonly code: number }
  /** Every connection is served (gets work); none is refused or banned. */
  | { readonly kind: 'serve-every-connection' }
  /** Suggestions are answered and change the difficulty at most once per cooldown. */
  | { readonly kind: 'bounded-difficulty-changes' }
  /** Shares are accepted; the abuse only shows in ground truth (and in payouts). */
  | { readonly kind: 'accept-visible-in-truth'; readonly signal: TruthSignal };

/** How an abuse that the protocol cannot refuse shows in ground truth. */
export type TruthSignal =
  /** Solutions that met the network target were found and never sent. */
  | { readonly kind: 'withheld-blocks' }
  /** Every share was found within `windowMs` of the round's start. */
  | { readonly kind: 'early-in-round'; readonly windowMs: number };

/**
 * How a behaviour's shares are to be judged: `honest` (the pool accepts all it sends),
 * `malicious` (the pool must refuse its shares, lines or connection), `strategic` (valid
 * shares that game the payout: accepted, and the payout scheme must blunt them).
 */
export type BehaviourClass = 'honest' | 'malicious' | 'strategic';

export interface Behaviour {
  readonly id: string;
  readonly class: BehaviourClass;
  readonly description: string;
  readonly expected: ExpectedResponse;
  /** A fresh set of hooks for one miner. */
  create(): BehaviourHooks;
}
