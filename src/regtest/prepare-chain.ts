import type { JsonRpcClient } from '../pool/node/index.js';
import type { Scheduler } from '../runtime/index.js';
import { fundPegIns } from './mweb.js';
import { pollUntil } from './poll-until.js';

export interface ChainSetup {
  readonly scheduler: Scheduler;
  readonly walletName: string;
  readonly mweb: boolean;
  readonly initialBlocks: number;
  /** Funded only with MWEB on and mature coins to fund them with. */
  readonly pegInCoins: number;
  readonly peerTimeoutMs: number;
}

/** Blocks after which the first coinbase can be spent (maturity 100, counted inclusively). */
const MATURE_AT = 101;

/**
 * Brings a fresh node to where the pool can use it: connected to its peer (litecoind serves
 * no template without one), a wallet, `initialBlocks` mined to it (out of initial block
 * download, coins mature) and, with MWEB on, the peg-in coins confirmed.
 */
export async function prepareChain(
  client: JsonRpcClient,
  setup: ChainSetup,
): Promise<{ miningAddress: string }> {
  await pollUntil(
    async () => {
      const n = await client.call('getconnectioncount');
      return typeof n === 'number' && n >= 1 ? { value: n } : { wait: `${String(n)} peers` };
    },
    { scheduler: setup.scheduler, timeoutMs: setup.peerTimeoutMs, what: 'peer connection' },
  );
  await client.call('createwallet', [setup.walletName]);
  const wallet = { path: `/wallet/${encodeURIComponent(setup.walletName)}` };
  const miningAddress = await client.call('getnewaddress', ['', 'bech32'], wallet);
  if (typeof miningAddress !== 'string') throw new TypeError('getnewaddress: not a string');
  if (setup.initialBlocks > 0) {
    await client.call('generatetoaddress', [setup.initialBlocks, miningAddress]);
  }
  if (setup.mweb && setup.pegInCoins > 0 && setup.initialBlocks >= MATURE_AT) {
    await fundPegIns(
      { rpc: (method, params = [], o = {}) => client.call(method, params, { ...wallet, ...o }) },
      setup.pegInCoins,
    );
    await client.call('generatetoaddress', [1, miningAddress]);
  }
  return { miningAddress };
}
