import { sleep } from '../../../pool/node/backoff.js';
import type { Scheduler } from '../../../runtime/index.js';
import type { ChainSim } from '../chain-sim.js';
import type { LongPolls } from '../long-poll.js';
import type { RpcFaults } from '../rpc-faults.js';
import {
  getBestBlockHash,
  getBlock,
  getBlockchainInfo,
  getBlockCount,
  getBlockHash,
  getBlockHeader,
  getDifficulty,
} from './chain-methods.js';
import { CONTROL_METHODS } from './control-methods.js';
import type { DaemonDialect } from './dialect.js';
import type { RpcMethod } from './method.js';
import {
  generateToAddress,
  getBlockTemplate,
  getMiningInfo,
  submitBlock,
} from './mining-methods.js';
import { failure, interrupted, RPC_CODE, type RpcOutcome } from './outcome.js';
import { isRecord, ParamReader } from './params.js';
import {
  getConnectionCount,
  getNetworkInfo,
  getPeerInfo,
  validateAddress,
} from './util-methods.js';
import {
  getBalance,
  getNewAddress,
  getReceivedByAddress,
  getTransaction,
  listTransactions,
  sendMany,
} from './wallet-methods.js';

/** Every bitcoind method the simulator answers (the control methods come on top). */
export const DAEMON_METHODS: readonly RpcMethod[] = [
  getBlockTemplate,
  submitBlock,
  generateToAddress,
  getMiningInfo,
  getBlockchainInfo,
  getDifficulty,
  getBestBlockHash,
  getBlockCount,
  getBlockHash,
  getBlockHeader,
  getBlock,
  validateAddress,
  getNetworkInfo,
  getConnectionCount,
  getPeerInfo,
  getBalance,
  getNewAddress,
  getReceivedByAddress,
  sendMany,
  listTransactions,
  getTransaction,
];

export interface DispatcherDeps {
  readonly sim: ChainSim;
  readonly scheduler: Scheduler;
  readonly faults: RpcFaults;
  readonly longPolls: LongPolls;
  readonly dialect: DaemonDialect;
  /** The wallet's name: `/wallet/<name>` reaches it. Default '' (bitcoind's default wallet). */
  readonly walletName?: string;
  readonly closing: () => boolean;
}

/** One parsed call: a method name and its parameters, positional or named. */
export interface RpcCall {
  readonly method: string;
  readonly params: readonly unknown[] | Readonly<Record<string, unknown>>;
}

/**
 * Runs one call as bitcoind's RPC table does: find the method, map named parameters, check
 * the count, then answer. The RPC faults apply here (latency, then the error), except to the
 * simulator's control methods.
 */
export class Dispatcher {
  private readonly methods = new Map<string, RpcMethod>();

  constructor(private readonly deps: DispatcherDeps) {
    for (const m of [...DAEMON_METHODS, ...CONTROL_METHODS]) this.methods.set(m.name, m);
  }

  /** `wallet`: the name in a `/wallet/<name>` path, undefined for `/`. */
  async call(call: RpcCall, wallet: string | undefined, signal: AbortSignal): Promise<RpcOutcome> {
    const method = this.methods.get(call.method);
    if (method === undefined) return failure(RPC_CODE.METHOD_NOT_FOUND, 'Method not found');
    const positional = toPositional(method, call.params);
    if (!positional.ok) return positional.error;
    const { values } = positional;
    if (values.length > method.args.length || countGiven(values) < (method.required ?? 0)) {
      return failure(RPC_CODE.MISC_ERROR, `${method.name} ${method.args.join(' ')}`.trim());
    }
    const { deps } = this;
    if (method.control !== true) {
      const { latencyMs } = deps.faults.state;
      if (latencyMs > 0 && !(await sleep(deps.scheduler, latencyMs, signal))) {
        return interrupted(deps.closing());
      }
      const { error } = deps.faults.state;
      if (error !== undefined) return failure(error.code, error.message);
    }
    if (method.wallet === true && wallet !== undefined && wallet !== (deps.walletName ?? '')) {
      return failure(RPC_CODE.WALLET_NOT_FOUND, 'Requested wallet does not exist or is not loaded');
    }
    const ctx = {
      sim: deps.sim,
      faults: deps.faults,
      longPolls: deps.longPolls,
      dialect: deps.dialect,
      signal,
      closing: deps.closing,
    };
    return method.run(ctx, new ParamReader(values, deps.dialect));
  }
}

/** Named parameters in the method's order; an unknown name is -8, as in bitcoind. */
function toPositional(
  method: RpcMethod,
  params: RpcCall['params'],
): { readonly ok: true; readonly values: readonly unknown[] } | { ok: false; error: RpcOutcome } {
  if (Array.isArray(params)) return { ok: true, values: params as readonly unknown[] };
  if (!isRecord(params)) return { ok: true, values: [] };
  const values: unknown[] = [];
  for (const [name, value] of Object.entries(params)) {
    const at = method.args.indexOf(name);
    if (at < 0) {
      return {
        ok: false,
        error: failure(RPC_CODE.INVALID_PARAMETER, `Unknown named parameter ${name}`),
      };
    }
    values[at] = value;
  }
  return { ok: true, values: Array.from(values, (v) => v ?? null) };
}

/** Parameters up to the last one given (trailing nulls do not count as given). */
function countGiven(values: readonly unknown[]): number {
  let n = values.length;
  while (n > 0 && (values[n - 1] === null || values[n - 1] === undefined)) n--;
  return n;
}
