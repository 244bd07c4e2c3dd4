import type { ExactJson } from '../../../pool/node/exact-json.js';
import type { ChainSim } from '../chain-sim.js';
import type { LongPolls } from '../long-poll.js';
import type { RpcFaults } from '../rpc-faults.js';
import type { DaemonDialect } from './dialect.js';
import type { RpcOutcome } from './outcome.js';
import type { ParamReader } from './params.js';

/** What a method may use to answer one call. */
export interface RpcContext {
  readonly sim: ChainSim;
  readonly faults: RpcFaults;
  readonly longPolls: LongPolls;
  readonly dialect: DaemonDialect;
  /** Aborts when the client goes away, an outage cuts its connection, or the server closes. */
  readonly signal: AbortSignal;
  /** True once the server is shutting down (a cut-short wait then answers -9). */
  readonly closing: () => boolean;
}

/** One JSON-RPC method of the simulated daemon. */
export interface RpcMethod {
  readonly name: string;
  /** Parameter names in order: the usage text, and how named parameters map to positions. */
  readonly args: readonly string[];
  /** How many leading parameters must be given. Default 0. */
  readonly required?: number;
  /** Needs the wallet: -18 without one, or on another wallet's `/wallet/<name>` path. */
  readonly wallet?: boolean;
  /** A simulator control method: never slowed or failed by the RPC faults it controls. */
  readonly control?: boolean;
  run(ctx: RpcContext, params: ParamReader): RpcOutcome | Promise<RpcOutcome>;
}

/**
 * Result objects are declared as interfaces for their readers; interfaces lack the index
 * signature of ExactJson's object form although their values are plain JSON.
 */
export function asJson(value: object): ExactJson {
  return value as ExactJson;
}
