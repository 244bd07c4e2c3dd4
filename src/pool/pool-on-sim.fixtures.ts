import type { Scheduler } from '../runtime/scheduler.js';
import type { SimRpc } from '../sim/chain/rpc/rpc.fixtures.js';
import type { CoinParams } from './core/coins/coin-params.js';
import { JsonRpcClient } from './node/json-rpc-client.js';
import { RpcChainNode } from './node/rpc-chain-node.js';
import { encodeSubmitRequest } from './stratum/codec/encode-requests.js';
import type { NotifyFields } from './stratum/codec/messages.js';
import { grindWhere, targetOf, type TestMiner } from './stratum/stratum.fixtures.js';

/** The target of sha256d regtest (bits 207fffff): about half of all hashes are blocks. */
export const REGTEST_TARGET = 0x7fffffn << 232n;

/** The pool's view of a simulator daemon: its RPC server through the pool's own client. */
export function simRpcNode(rpc: SimRpc, coin: CoinParams, scheduler: Scheduler): RpcChainNode {
  return new RpcChainNode({
    client: new JsonRpcClient({ url: rpc.server.urlWithCredentials, scheduler }),
    scheduler,
    rules: coin.templateRules,
  });
}

export interface SolvedShare {
  readonly id: number;
  readonly user: string;
  readonly job: NotifyFields;
  readonly extranonce1: string;
  readonly extranonce2: string;
  /** The share difficulty the pool set. */
  readonly difficulty: string;
  /** A regtest block (true), or a share above the regtest target (false). */
  readonly block: boolean;
}

/** Grinds a real sha256d solution of `job` and submits it; resolves with the pool's answer. */
export function submitSolved(miner: TestMiner, s: SolvedShare) {
  const target = targetOf(s.difficulty);
  const ground = grindWhere(s.job, s.extranonce1, s.extranonce2, (h) =>
    s.block ? h <= REGTEST_TARGET : h <= target && h > REGTEST_TARGET,
  );
  miner.send(
    encodeSubmitRequest(s.id, {
      workerName: s.user,
      jobId: s.job.jobId,
      ntime: s.job.ntime,
      extranonce2: s.extranonce2,
      nonce: ground.nonce,
      versionBits: undefined,
    }),
  );
  return miner.response(s.id);
}
