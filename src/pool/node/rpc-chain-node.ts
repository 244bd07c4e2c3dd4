import { ChimeraError } from '../../errors.js';
import type { Scheduler } from '../../runtime/index.js';
import { isHex } from '../core/bytes.js';
import { parseBlockTemplate, type BlockTemplate } from '../core/block/template.js';
import { sleep } from './backoff.js';
import type {
  BestBlock,
  BlockInfo,
  ChainInfo,
  ChainNode,
  SubmitResult,
  TemplateRequest,
} from './chain-node.js';
import { coinTextToSats, COIN_DECIMALS } from './coin-amount.js';
import { JsonNumber } from './exact-json.js';
import type { JsonRpcClient, RpcReply } from './json-rpc-client.js';
import { rpcError } from './rpc-errors.js';

/** getblocktemplate rules each daemon insists on (litecoind answers -8 to anything else). */
export const TEMPLATE_RULES = {
  litecoin: ['mweb', 'segwit'],
  bitcoin: ['segwit'],
} as const satisfies Record<string, readonly string[]>;

export interface RpcChainNodeOptions {
  readonly client: JsonRpcClient;
  readonly scheduler: Scheduler;
  readonly rules: readonly string[];
  /** Default true. Off, or when the daemon does not honour longpollid, nextTemplate polls. */
  readonly longPoll?: boolean;
  /**
   * Default 10 min. A longpoll the client gives up on still holds one of the daemon's few
   * RPC threads until the tip moves, so after a timeout this node polls for that tip instead
   * of longpolling it again: at most one held thread per tip.
   */
  readonly longPollTimeoutMs?: number;
  /** How often to ask getbestblockhash when not longpolling. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** Wallet of a multi-wallet daemon for getBalance/sendMany (`/wallet/<name>`). */
  readonly wallet?: string;
  readonly decimals?: number;
}

const RPC_INVALID_ADDRESS_OR_KEY = -5;
const RPC_INVALID_PARAMETER = -8;

/** ChainNode over a bitcoind-family JSON-RPC daemon (litecoind, Bitcoin Core, our simulator). */
export class RpcChainNode implements ChainNode {
  private readonly client: JsonRpcClient;
  private readonly decimals: number;
  private readonly walletPath: string | undefined;
  private longPollHonoured = true;
  private abandonedLongPollId: string | undefined;

  constructor(private readonly opts: RpcChainNodeOptions) {
    this.client = opts.client;
    this.decimals = opts.decimals ?? COIN_DECIMALS;
    this.walletPath =
      opts.wallet === undefined ? undefined : `/wallet/${encodeURIComponent(opts.wallet)}`;
  }

  async getBlockTemplate(request: TemplateRequest = {}): Promise<BlockTemplate> {
    const longPoll = request.longPollId !== undefined;
    const raw = await this.client.call(
      'getblocktemplate',
      [{ rules: [...this.opts.rules], longpollid: request.longPollId }],
      {
        signal: request.signal,
        ...(longPoll ? { timeoutMs: this.opts.longPollTimeoutMs ?? 600_000, retries: 0 } : {}),
      },
    );
    const parsed = parseBlockTemplate(raw);
    if (!parsed.ok) throw bad('getblocktemplate', parsed.error);
    return parsed.template;
  }

  async nextTemplate(
    after: BlockTemplate,
    options: { readonly signal?: AbortSignal } = {},
  ): Promise<BlockTemplate> {
    const id = after.longPollId;
    if (
      (this.opts.longPoll ?? true) &&
      this.longPollHonoured &&
      id !== undefined &&
      id !== this.abandonedLongPollId
    ) {
      try {
        const next = await this.getBlockTemplate({ longPollId: id, signal: options.signal });
        // A daemon that ignores longpollid answers at once with the same template: poll it.
        if (next.longPollId !== id) return next;
        this.longPollHonoured = false;
      } catch (err) {
        if (!(err instanceof ChimeraError && err.code === 'RPC_TIMEOUT')) throw err;
        this.abandonedLongPollId = id;
      }
    }
    return this.pollForNewTip(after, options.signal);
  }

  async submitBlock(blockHex: string): Promise<SubmitResult> {
    return verdict('submitblock', await this.client.request('submitblock', [blockHex]));
  }

  async proposeBlock(blockHex: string): Promise<SubmitResult> {
    const params = [{ mode: 'proposal', data: blockHex, rules: [...this.opts.rules] }];
    return verdict('getblocktemplate', await this.client.request('getblocktemplate', params));
  }

  async getBestBlock(): Promise<BestBlock> {
    // One call, so hash and height belong to the same tip.
    const info = await this.getBlockchainInfo();
    return { hash: info.bestBlockHash, height: info.blocks };
  }

  async getBlockHash(height: number): Promise<string | undefined> {
    if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`bad height ${height}`);
    const reply = await this.client.request('getblockhash', [height]);
    if (!reply.ok && reply.code === RPC_INVALID_PARAMETER) return undefined;
    return hash('getblockhash', orThrow('getblockhash', reply));
  }

  async getBlock(blockHash: string): Promise<BlockInfo | undefined> {
    if (!isHex(blockHash, 32)) throw new RangeError(`not a block hash: ${blockHash}`);
    // The header carries everything asked for, without the daemon serialising every tx.
    const reply = await this.client.request('getblockheader', [blockHash, true]);
    if (!reply.ok && reply.code === RPC_INVALID_ADDRESS_OR_KEY) return undefined;
    const r = record('getblockheader', orThrow('getblockheader', reply));
    const prev = r['previousblockhash'];
    return {
      hash: hash('getblockheader', r['hash']),
      height: uint('getblockheader', 'height', r['height']),
      confirmations: int('getblockheader', 'confirmations', r['confirmations']),
      timeSec: uint('getblockheader', 'time', r['time']),
      ...(prev === undefined ? {} : { previousBlockHash: hash('getblockheader', prev) }),
    };
  }

  async getBlockchainInfo(): Promise<ChainInfo> {
    const r = record('getblockchaininfo', await this.client.call('getblockchaininfo'));
    const chain = r['chain'];
    const ibd = r['initialblockdownload'];
    if (typeof chain !== 'string') throw bad('getblockchaininfo', 'chain must be a string');
    if (typeof ibd !== 'boolean')
      throw bad('getblockchaininfo', 'initialblockdownload must be a boolean');
    return {
      chain,
      blocks: uint('getblockchaininfo', 'blocks', r['blocks']),
      headers: uint('getblockchaininfo', 'headers', r['headers']),
      bestBlockHash: hash('getblockchaininfo', r['bestblockhash']),
      initialBlockDownload: ibd,
    };
  }

  async validateAddress(address: string): Promise<boolean> {
    const r = record('validateaddress', await this.client.call('validateaddress', [address]));
    if (typeof r['isvalid'] !== 'boolean')
      throw bad('validateaddress', 'isvalid must be a boolean');
    return r['isvalid'];
  }

  async getBalance(): Promise<bigint> {
    const result = await this.client.call('getbalance', [], {
      exactNumbers: true,
      ...(this.walletPath === undefined ? {} : { path: this.walletPath }),
    });
    const sats =
      result instanceof JsonNumber ? coinTextToSats(result.text, this.decimals) : undefined;
    if (sats === undefined) throw bad('getbalance', 'result must be an amount in whole sats');
    return sats;
  }

  async sendMany(
    outputs: ReadonlyMap<string, bigint>,
    options: { readonly comment?: string } = {},
  ): Promise<string> {
    if (outputs.size === 0) throw new RangeError('sendMany needs at least one output');
    const amounts: Record<string, JsonNumber> = {};
    for (const [address, sats] of outputs) {
      if (sats <= 0n) throw new RangeError(`amount for ${address} must be positive: ${sats}`);
      amounts[address] = JsonNumber.ofSats(sats, this.decimals);
    }
    // minconf 1 is the default of every version; it is written only to reach the comment.
    const params =
      options.comment === undefined ? ['', amounts] : ['', amounts, 1, options.comment];
    const txid = await this.client.call('sendmany', params, {
      idempotent: false,
      ...(this.walletPath === undefined ? {} : { path: this.walletPath }),
    });
    return hash('sendmany', txid);
  }

  close(): Promise<void> {
    this.client.close();
    return Promise.resolve();
  }

  private async pollForNewTip(after: BlockTemplate, signal?: AbortSignal): Promise<BlockTemplate> {
    for (;;) {
      const tip = await this.client.call('getbestblockhash', [], { signal });
      if (hash('getbestblockhash', tip) !== after.prevHashHex) {
        return this.getBlockTemplate({ signal });
      }
      if (!(await sleep(this.opts.scheduler, this.opts.pollIntervalMs ?? 1_000, signal))) {
        throw rpcError('RPC_ABORTED', 'nextTemplate: aborted');
      }
    }
  }
}

function verdict(method: string, reply: RpcReply): SubmitResult {
  if (!reply.ok) return { kind: 'error', code: reply.code, message: reply.message };
  if (reply.result === null) return { kind: 'accepted' };
  if (typeof reply.result === 'string') return { kind: 'rejected', reason: reply.result };
  throw bad(method, 'result must be null or a reason string');
}

function orThrow(method: string, reply: RpcReply): unknown {
  if (reply.ok) return reply.result;
  throw rpcError('RPC_ERROR', `${method}: ${reply.message} (${reply.code})`, {
    method,
    rpcCode: reply.code,
    rpcMessage: reply.message,
  });
}

function record(method: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw bad(method, 'result must be an object');
  return v as Record<string, unknown>;
}

function hash(method: string, v: unknown): string {
  if (typeof v !== 'string' || !isHex(v, 32)) throw bad(method, 'hash must be 32 bytes of hex');
  return v.toLowerCase();
}

function uint(method: string, field: string, v: unknown): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0)
    throw bad(method, `${field} must be a non-negative integer`);
  return v as number;
}

function int(method: string, field: string, v: unknown): number {
  if (!Number.isSafeInteger(v)) throw bad(method, `${field} must be an integer`);
  return v as number;
}

function bad(method: string, what: string): ChimeraError {
  return rpcError('RPC_BAD_RESPONSE', `${method}: ${what}`, { method });
}
