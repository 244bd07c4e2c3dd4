import type { BlockTemplate } from '../../pool/core/block/index.js';
import { sleep } from '../../pool/node/backoff.js';
import type {
  BestBlock,
  BlockInfo,
  ChainInfo,
  ChainNode,
  SubmitResult,
  TemplateRequest,
} from '../../pool/node/chain-node.js';
import { rpcError } from '../../pool/node/rpc-errors.js';
import type { Scheduler } from '../../runtime/index.js';
import type { ChainSim } from './chain-sim.js';
import { LongPolls } from './long-poll.js';
import { RpcFaults } from './rpc-faults.js';
import { longPollId } from './template-data.js';

const RPC_INVALID_ADDRESS_OR_KEY = -5;
const RPC_INVALID_PARAMETER = -8;
const RPC_WALLET_NOT_FOUND = -18;

/**
 * The pool's ChainNode over the simulator, in process and on the simulator's clock. It answers
 * what RpcChainNode would make of the simulator's RPC server: the same values, the same
 * ChimeraError codes (RPC_UNREACHABLE in an outage, RPC_ERROR with the daemon's code, RPC_ABORTED
 * on a caller's abort).
 */
export class InProcessChainNode implements ChainNode {
  readonly faults: RpcFaults;
  private readonly longPolls: LongPolls;
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly sim: ChainSim,
    private readonly scheduler: Scheduler,
  ) {
    this.faults = new RpcFaults(scheduler);
    this.longPolls = new LongPolls(sim, scheduler);
    this.faults.onChange((s) => {
      if (s.outage) for (const c of this.inFlight) c.abort('outage');
      this.longPolls.recheck();
    });
  }

  async getBlockTemplate(request: TemplateRequest = {}): Promise<BlockTemplate> {
    await this.enter('getblocktemplate', request.signal);
    if (request.longPollId !== undefined)
      await this.waitLongPoll(request.longPollId, request.signal);
    return this.sim.blockTemplate();
  }

  async nextTemplate(
    after: BlockTemplate,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<BlockTemplate> {
    await this.enter('getblocktemplate', options.signal);
    const id = after.longPollId ?? longPollId(after.prevHashHex, this.sim.transactionsUpdated);
    await this.waitLongPoll(id, options.signal);
    return this.sim.blockTemplate();
  }

  async submitBlock(blockHex: string): Promise<SubmitResult> {
    const error = await this.enterVerdict('submitblock');
    return error ?? this.sim.submitBlock(blockHex);
  }

  async proposeBlock(blockHex: string): Promise<SubmitResult> {
    const error = await this.enterVerdict('getblocktemplate');
    return error ?? this.sim.proposeBlock(blockHex);
  }

  async getBestBlock(): Promise<BestBlock> {
    await this.enter('getblockchaininfo');
    return { hash: this.sim.tip.hashHex, height: this.sim.tip.height };
  }

  async getBlockHash(height: number): Promise<string | undefined> {
    if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`bad height ${height}`);
    if (await this.answersWith('getblockhash', RPC_INVALID_PARAMETER)) return undefined;
    return this.sim.blockAt(height)?.hashHex;
  }

  async getBlock(hash: string): Promise<BlockInfo | undefined> {
    if (!/^[0-9a-fA-F]{64}$/.test(hash)) throw new RangeError(`not a block hash: ${hash}`);
    if (await this.answersWith('getblockheader', RPC_INVALID_ADDRESS_OR_KEY)) return undefined;
    const info = this.sim.headerInfo(hash);
    if (info === undefined) return undefined;
    return {
      hash: info.hash,
      height: info.height,
      confirmations: info.confirmations,
      timeSec: info.time,
      ...(info.previousBlockHash === undefined
        ? {}
        : { previousBlockHash: info.previousBlockHash }),
    };
  }

  async getBlockchainInfo(): Promise<ChainInfo> {
    await this.enter('getblockchaininfo');
    const s = this.sim.chainInfo();
    return {
      chain: s.chain,
      blocks: s.blocks,
      headers: s.headers,
      bestBlockHash: s.bestBlockHash,
      initialBlockDownload: s.initialBlockDownload,
    };
  }

  async validateAddress(address: string): Promise<boolean> {
    await this.enter('validateaddress');
    return this.sim.validateAddress(address);
  }

  async getBalance(): Promise<bigint> {
    await this.enter('getbalance');
    return this.requireWallet('getbalance').balanceSats();
  }

  async sendMany(
    outputs: ReadonlyMap<string, bigint>,
    options: { readonly comment?: string } = {},
  ): Promise<string> {
    if (outputs.size === 0) throw new RangeError('sendMany needs at least one output');
    for (const [address, sats] of outputs) {
      if (sats <= 0n) throw new RangeError(`amount for ${address} must be positive: ${sats}`);
    }
    await this.enter('sendmany');
    const sent = this.requireWallet('sendmany').sendMany(outputs, options.comment);
    if (!sent.ok) throw daemonError('sendmany', sent.code, sent.message);
    return sent.txid;
  }

  close(): Promise<void> {
    this.closed = true;
    for (const c of this.inFlight) c.abort('closed');
    this.longPolls.close();
    return Promise.resolve();
  }

  /** The transport and the daemon's health, as a real call would meet them. */
  private async enter(method: string, signal?: AbortSignal): Promise<void> {
    this.throwIfDown(method);
    const { latencyMs } = this.faults.state;
    if (latencyMs > 0 && !(await sleep(this.scheduler, latencyMs, signal))) {
      throw rpcError('RPC_ABORTED', `${method}: aborted`);
    }
    this.throwIfDown(method);
    const { error } = this.faults.state;
    if (error) throw daemonError(method, error.code, error.message);
  }

  /** As enter, but a daemon error is submitblock's value rather than a throw. */
  private async enterVerdict(method: string): Promise<SubmitResult | undefined> {
    const error = this.faults.state.error;
    if (error === undefined) {
      await this.enter(method);
      return undefined;
    }
    try {
      await this.enter(method);
    } catch (err) {
      if (this.faults.state.outage || this.closed) throw err;
    }
    return { kind: 'error', code: error.code, message: error.message };
  }

  /** True when an erroring daemon answers exactly the code RpcChainNode reads as "not found". */
  private async answersWith(method: string, notFoundCode: number): Promise<boolean> {
    const error = this.faults.state.error;
    if (error?.code === notFoundCode) {
      this.throwIfDown(method);
      return true;
    }
    await this.enter(method);
    return false;
  }

  private async waitLongPoll(id: string, signal: AbortSignal | undefined): Promise<void> {
    const local = new AbortController();
    const onAbort = (): void => local.abort('caller');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) local.abort('caller');
    this.inFlight.add(local);
    try {
      // An outage that began between the call's arrival and its wait.
      this.throwIfDown('getblocktemplate');
      const changed = await this.longPolls.wait(id, {
        signal: local.signal,
        held: () => this.faults.state.templatesStalled,
      });
      if (changed) return;
      if (local.signal.reason === 'caller')
        throw rpcError('RPC_ABORTED', 'getblocktemplate: aborted');
      throw unreachable('getblocktemplate', true);
    } finally {
      this.inFlight.delete(local);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private throwIfDown(method: string): void {
    if (this.closed || this.faults.state.outage) throw unreachable(method, false);
  }

  private requireWallet(method: string): NonNullable<ChainSim['wallet']> {
    const wallet = this.sim.wallet;
    if (wallet === undefined)
      throw daemonError(method, RPC_WALLET_NOT_FOUND, 'No wallet is loaded.');
    return wallet;
  }
}

function unreachable(method: string, requestSent: boolean): Error {
  return rpcError(
    'RPC_UNREACHABLE',
    `${method}: simulated daemon unreachable (connect ECONNREFUSED)`,
    {
      errno: requestSent ? 'ECONNRESET' : 'ECONNREFUSED',
      requestSent,
    },
  );
}

function daemonError(method: string, code: number, message: string): Error {
  return rpcError('RPC_ERROR', `${method}: ${message} (${code})`, {
    method,
    rpcCode: code,
    rpcMessage: message,
  });
}
