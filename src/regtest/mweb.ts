import { LITECOIN_REGTEST_COIN } from '../pool/core/coins/index.js';
import { JsonNumber, type ExactJson, type RpcCallOptions } from '../pool/node/index.js';
import { regtestError } from './errors.js';

/** Litecoin regtest activates MWEB at this height (when it is not pinned off). */
export const MWEB_ACTIVATION_HEIGHT = LITECOIN_REGTEST_COIN.mwebActivationHeight ?? 432;

/**
 * Peg-ins come from a wallet of their own that holds only whole canonical coins of this size
 * and sends each one whole, fee included, to a third wallet. A wallet that holds MWEB coins
 * spends them first, and an MWEB-to-MWEB send is no peg-in (and has no txid in the template);
 * so neither the pool's wallet nor the peg-in wallet may ever receive MWEB coins.
 */
export const PEGIN_WALLET = 'chimera-pegin';
export const MWEB_SINK_WALLET = 'chimera-mweb';
export const PEGIN_COIN_SATS = 100_000_000n;

/** What the MWEB helpers need of a regtest node. */
export interface MwebChain {
  readonly mweb: boolean;
  /** Calls without `options.path` go to the node's main wallet. */
  rpc(method: string, params?: readonly ExactJson[], options?: RpcCallOptions): Promise<unknown>;
  mine(blocks: number): Promise<string[]>;
}

const inWallet = (name: string): RpcCallOptions => ({ path: `/wallet/${name}` });

/**
 * Makes the peg-in and sink wallets and sends `coins` peg-in coins from the main wallet to the
 * peg-in wallet. They can be pegged in once a block confirms them (the caller mines it).
 */
export async function fundPegIns(chain: Pick<MwebChain, 'rpc'>, coins: number): Promise<void> {
  if (!Number.isSafeInteger(coins) || coins < 1) throw new RangeError(`coins ${coins}`);
  await chain.rpc('createwallet', [PEGIN_WALLET]);
  await chain.rpc('createwallet', [MWEB_SINK_WALLET]);
  const outputs: Record<string, JsonNumber> = {};
  for (let i = 0; i < coins; i++) {
    const address = await chain.rpc('getnewaddress', ['', 'bech32'], inWallet(PEGIN_WALLET));
    outputs[text(address, 'getnewaddress')] = JsonNumber.ofSats(PEGIN_COIN_SATS);
  }
  await chain.rpc('sendmany', ['', outputs]);
}

/**
 * Pegs one coin of the peg-in wallet into MWEB (PEGIN_COIN_SATS less the fee): a transaction
 * in the mempool, with a peg-in kernel, when this returns. The daemon keeps MWEB transactions
 * out of its mempool until the next block is at or past activation (tip >= 431); earlier, or
 * with MWEB off or the coins used up, this throws REGTEST_MWEB_STATE.
 */
export async function pegIn(chain: MwebChain): Promise<string> {
  if (!chain.mweb) {
    throw regtestError('REGTEST_MWEB_STATE', 'peg-in asked of a node started with MWEB off');
  }
  const unspent = await chain.rpc('listunspent', [], inWallet(PEGIN_WALLET));
  // MWEB outputs are listed without a vout; only canonical coins can be pegged in.
  const canonical = Array.isArray(unspent)
    ? unspent.filter((u) => typeof (u as { vout?: unknown }).vout === 'number')
    : [];
  if (canonical.length === 0) {
    throw regtestError('REGTEST_MWEB_STATE', `no peg-in coins left in wallet ${PEGIN_WALLET}`);
  }
  const to = text(
    await chain.rpc('getnewaddress', ['', 'mweb'], inWallet(MWEB_SINK_WALLET)),
    'getnewaddress',
  );
  const amount = JsonNumber.ofSats(PEGIN_COIN_SATS);
  const txid = text(
    await chain.rpc('sendtoaddress', [to, amount, '', '', true], inWallet(PEGIN_WALLET)),
    'sendtoaddress',
  );
  const mempool = await chain.rpc('getrawmempool', [true]);
  const entry = (mempool as Record<string, { mweb?: { pegins?: unknown[] } }>)[txid];
  if (entry === undefined) {
    const height = await chain.rpc('getblockcount');
    throw regtestError(
      'REGTEST_MWEB_STATE',
      `the peg-in ${txid} did not enter the mempool at height ${String(height)}: MWEB ` +
        `transactions are accepted from tip ${MWEB_ACTIVATION_HEIGHT - 1} on`,
      { txid, height },
    );
  }
  if ((entry.mweb?.pegins ?? []).length === 0) {
    throw regtestError('REGTEST_MWEB_STATE', `${txid} went into MWEB without a peg-in`, { txid });
  }
  return txid;
}

/**
 * Mines up to the block before activation and puts a peg-in in the mempool, so that the next
 * template (height 432) is the activation block. litecoind cannot build that block without a
 * peg-in (getblocktemplate fails with bad-txns-vin-empty); later blocks need none. Returns the
 * peg-in's txid.
 */
export async function prepareMwebActivation(chain: MwebChain): Promise<string> {
  if (!chain.mweb) {
    throw regtestError(
      'REGTEST_MWEB_STATE',
      'MWEB activation asked of a node started with MWEB off',
    );
  }
  const height = await chain.rpc('getblockcount');
  if (typeof height !== 'number') throw new TypeError('getblockcount: not a number');
  const tipBeforeActivation = MWEB_ACTIVATION_HEIGHT - 1;
  if (height > tipBeforeActivation) {
    throw regtestError(
      'REGTEST_MWEB_STATE',
      `the tip is at ${height}, past the activation block ${MWEB_ACTIVATION_HEIGHT}`,
      { height },
    );
  }
  if (height < tipBeforeActivation) await chain.mine(tipBeforeActivation - height);
  return pegIn(chain);
}

function text(v: unknown, method: string): string {
  if (typeof v !== 'string') throw new TypeError(`${method}: not a string`);
  return v;
}
