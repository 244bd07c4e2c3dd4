import { ChimeraError } from '../../errors.js';
import type { JsonRpcClient } from '../node/json-rpc-client.js';
import type { WalletPayment, WalletPayments } from './wallet-payments.js';

const PAGE = 500;
/** How far back a plan's payment is looked for (newest first): 20 pages of sends. */
const MAX_PAGES = 20;
const RPC_INVALID_ADDRESS_OR_KEY = -5;

export interface RpcWalletPaymentsOptions {
  readonly client: JsonRpcClient;
  /** Wallet of a multi-wallet daemon (`/wallet/<name>`), as for RpcChainNode. */
  readonly wallet?: string;
}

/**
 * WalletPayments over a bitcoind-family daemon's wallet: `listtransactions` finds a payout by
 * the comment `sendmany` stored with it (the plan id), newest sends first; `gettransaction`
 * tells its depth (negative when conflicted). Both are read-only: the payout sender asks them
 * before it would ever send a plan again.
 */
export class RpcWalletPayments implements WalletPayments {
  readonly #client: JsonRpcClient;
  readonly #path: { path: string } | Record<string, never>;

  constructor(opts: RpcWalletPaymentsOptions) {
    this.#client = opts.client;
    this.#path =
      opts.wallet === undefined ? {} : { path: `/wallet/${encodeURIComponent(opts.wallet)}` };
  }

  async findByComment(comment: string): Promise<WalletPayment | undefined> {
    for (let page = 0; page < MAX_PAGES; page++) {
      const raw = await this.#client.call('listtransactions', ['*', PAGE, page * PAGE], this.#path);
      if (!Array.isArray(raw)) throw bad('listtransactions', 'not an array');
      for (const entry of raw as unknown[]) {
        if (typeof entry !== 'object' || entry === null)
          throw bad('listtransactions', 'an entry is not an object');
        const e = entry as Record<string, unknown>;
        if (e['category'] !== 'send' || e['comment'] !== comment) continue;
        const txid = e['txid'];
        const confirmations = e['confirmations'];
        if (typeof txid !== 'string' || typeof confirmations !== 'number') {
          throw bad('listtransactions', 'a send without txid or confirmations');
        }
        return { txid, confirmations };
      }
      if (raw.length < PAGE) return undefined;
    }
    return undefined;
  }

  async confirmations(txid: string): Promise<number | undefined> {
    const reply = await this.#client.request('gettransaction', [txid], this.#path);
    if (!reply.ok) {
      if (reply.code === RPC_INVALID_ADDRESS_OR_KEY) return undefined;
      throw new ChimeraError('RPC_ERROR', `gettransaction: ${reply.message}`, {
        rpcCode: reply.code,
        rpcMessage: reply.message,
      });
    }
    const c = (reply.result as Record<string, unknown> | null)?.['confirmations'];
    if (typeof c !== 'number') throw bad('gettransaction', 'no confirmations');
    return c;
  }
}

function bad(method: string, why: string): ChimeraError {
  return new ChimeraError('RPC_BAD_RESPONSE', `${method}: ${why}`);
}
