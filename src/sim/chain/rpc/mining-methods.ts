import { decodeAddress } from '../../../pool/core/address/index.js';
import type { SubmitResult } from '../../../pool/node/chain-node.js';
import { displayDifficulty } from '../chain-queries.js';
import { checkTemplateRules } from '../template-rules.js';
import { longPollId } from '../template-data.js';
import { asJson, type RpcContext, type RpcMethod } from './method.js';
import { failure, interrupted, result, RPC_CODE, type RpcOutcome } from './outcome.js';
import type { ParamReader } from './params.js';
import { updateUncommittedBlockStructures } from './uncommitted.js';

/** Mining: templates (longpoll, proposals), block submission, generatetoaddress. */

export const getBlockTemplate: RpcMethod = {
  name: 'getblocktemplate',
  args: ['template_request'],
  run: async (ctx, p) => {
    const request = p.obj(0, {});
    if (p.failed) return p.failed;
    const mode = request['mode'];
    if (mode !== undefined && mode !== null && typeof mode !== 'string') {
      return failure(RPC_CODE.INVALID_PARAMETER, 'Invalid mode');
    }
    if (mode === 'proposal') {
      const data = request['data'];
      if (typeof data !== 'string') {
        return failure(RPC_CODE.TYPE_ERROR, 'Missing data String key for proposal');
      }
      return verdict(ctx.sim.proposeBlock(data));
    }
    if (mode !== undefined && mode !== null && mode !== 'template') {
      return failure(RPC_CODE.INVALID_PARAMETER, 'Invalid mode');
    }
    const lp = request['longpollid'];
    if (lp !== undefined && lp !== null) {
      const waited = await waitLongPoll(ctx, p, lp);
      if (waited !== undefined) return waited;
    }
    // bitcoind checks the rules after the longpoll wait, so a bad request still waits first.
    const rules = request['rules'];
    const asked = Array.isArray(rules) ? rules.filter((r) => typeof r === 'string') : [];
    const missing = checkTemplateRules(ctx.sim.coin, asked);
    if (missing !== undefined) return failure(RPC_CODE.INVALID_PARAMETER, missing);
    return result(asJson(ctx.sim.getBlockTemplateJson()));
  },
};

/** Holds the call until the template would change; an outcome only when it cannot go on. */
async function waitLongPoll(
  ctx: RpcContext,
  p: ParamReader,
  lp: unknown,
): Promise<RpcOutcome | undefined> {
  let id: string;
  if (typeof lp === 'string') {
    // "<tip hash><transactions updated>": only the hash part is checked, as ParseHashV does.
    p.checkHash(lp.slice(0, 64), 'longpollid');
    if (p.failed) return p.failed;
    id = lp;
  } else {
    // Not in the spec; bitcoind then watches the current tip, which makes testing easier.
    id = longPollId(ctx.sim.tip.hashHex, ctx.sim.transactionsUpdated);
  }
  const changed = await ctx.longPolls.wait(id, {
    signal: ctx.signal,
    held: () => ctx.faults.state.templatesStalled,
  });
  return changed ? undefined : interrupted(ctx.closing());
}

export const submitBlock: RpcMethod = {
  name: 'submitblock',
  args: ['hexdata', 'dummy'],
  required: 1,
  run: ({ sim }, p) => {
    const hex = p.str(0);
    return p.failed ?? verdict(sim.submitBlock(updateUncommittedBlockStructures(sim, hex)));
  },
};

/** null accepted, a BIP22 reason string, or a JSON-RPC error (-22 for undecodable hex). */
function verdict(r: SubmitResult): RpcOutcome {
  if (r.kind === 'accepted') return result(null);
  if (r.kind === 'rejected') return result(r.reason);
  return failure(r.code, r.message);
}

export const generateToAddress: RpcMethod = {
  name: 'generatetoaddress',
  args: ['nblocks', 'address', 'maxtries'],
  required: 2,
  run: ({ sim }, p) => {
    const count = p.int(0);
    const address = p.str(1);
    p.int(2, 1_000_000);
    if (p.failed) return p.failed;
    const decoded = decodeAddress(address, sim.coin.address);
    if (!decoded.ok) return failure(RPC_CODE.INVALID_ADDRESS_OR_KEY, 'Error: Invalid address');
    return result(count <= 0 ? [] : sim.generate(count, decoded.scriptPubKey));
  },
};

export const getMiningInfo: RpcMethod = {
  name: 'getmininginfo',
  args: [],
  run: ({ sim, dialect }) =>
    result({
      blocks: sim.tip.height,
      difficulty: displayDifficulty(sim.state.expectedBits(sim.tip)),
      networkhashps: sim.externalHashrate,
      pooledtx: sim.state.mempool.size,
      chain: sim.coin.network,
      warnings: dialect.warningsAsList ? [] : '',
    }),
};
