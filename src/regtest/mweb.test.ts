import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { JsonNumber, type ExactJson, type RpcCallOptions } from '../pool/node/index.js';
import {
  fundPegIns,
  MWEB_ACTIVATION_HEIGHT,
  MWEB_SINK_WALLET,
  PEGIN_WALLET,
  pegIn,
  prepareMwebActivation,
  type MwebChain,
} from './mweb.js';

const TXID = 'ab'.repeat(32);

interface FakeOptions {
  mweb: boolean;
  height: number;
  /** What the daemon's mempool says of the send: absent, a peg-in, or MWEB-to-MWEB. */
  mempool: 'absent' | 'peg-in' | 'mweb-only';
  coinsLeft?: number;
}

/** A chain that answers the few calls the helpers make, and records them with their wallet. */
function fakeChain(opts: FakeOptions) {
  const calls: string[] = [];
  let height = opts.height;
  const chain: MwebChain = {
    mweb: opts.mweb,
    rpc: (method: string, params: readonly ExactJson[] = [], o: RpcCallOptions = {}) => {
      const shown = params.map((p) =>
        p instanceof JsonNumber ? p.text : typeof p === 'object' ? JSON.stringify(p) : String(p),
      );
      calls.push([o.path ?? '(main)', method, ...shown].join(' '));
      switch (method) {
        case 'getblockcount':
          return Promise.resolve(height);
        case 'getnewaddress':
          return Promise.resolve(`addr${calls.length}`);
        case 'listunspent':
          return Promise.resolve([
            ...Array.from({ length: opts.coinsLeft ?? 1 }, () => ({ txid: TXID, vout: 0 })),
            { txid: 'cd'.repeat(32), amount: 0 },
          ]);
        case 'sendtoaddress':
          return Promise.resolve(TXID);
        case 'getrawmempool':
          if (opts.mempool === 'absent') return Promise.resolve({});
          return Promise.resolve({
            [TXID]: { mweb: { pegins: opts.mempool === 'peg-in' ? [{ amount: 1 }] : [] } },
          });
        default:
          return Promise.resolve(null);
      }
    },
    mine: (blocks: number) => {
      calls.push(`mine ${blocks}`);
      height += blocks;
      return Promise.resolve([]);
    },
  };
  return { chain, calls };
}

async function errorOf(p: Promise<unknown>): Promise<ChimeraError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ChimeraError)) throw new Error(`expected ChimeraError, got ${String(err)}`);
  return err;
}

describe('MWEB helpers', () => {
  it('funds peg-ins: two wallets, then one send of whole coins to the peg-in wallet', async () => {
    const { chain, calls } = fakeChain({ mweb: true, height: 101, mempool: 'peg-in' });
    await fundPegIns(chain, 2);
    expect(calls).toEqual([
      `(main) createwallet ${PEGIN_WALLET}`,
      `(main) createwallet ${MWEB_SINK_WALLET}`,
      `/wallet/${PEGIN_WALLET} getnewaddress  bech32`,
      `/wallet/${PEGIN_WALLET} getnewaddress  bech32`,
      '(main) sendmany  {"addr3":{"text":"1.00000000"},"addr4":{"text":"1.00000000"}}',
    ]);
  });

  it('prepares activation: mines to the block before it, then pegs in one whole coin', async () => {
    const { chain, calls } = fakeChain({ mweb: true, height: 101, mempool: 'peg-in' });
    expect(await prepareMwebActivation(chain)).toBe(TXID);
    expect(calls).toEqual([
      '(main) getblockcount',
      `mine ${MWEB_ACTIVATION_HEIGHT - 1 - 101}`,
      `/wallet/${PEGIN_WALLET} listunspent`,
      `/wallet/${MWEB_SINK_WALLET} getnewaddress  mweb`,
      // Fee taken from the amount: the coin goes whole, so the wallet keeps no MWEB change.
      `/wallet/${PEGIN_WALLET} sendtoaddress addr4 1.00000000   true`,
      '(main) getrawmempool true',
    ]);
  });

  it('refuses on a chain with MWEB off or already past activation', async () => {
    const off = fakeChain({ mweb: false, height: 101, mempool: 'peg-in' });
    expect((await errorOf(prepareMwebActivation(off.chain))).code).toBe('REGTEST_MWEB_STATE');
    expect((await errorOf(pegIn(off.chain))).code).toBe('REGTEST_MWEB_STATE');
    const past = fakeChain({ mweb: true, height: 433, mempool: 'peg-in' });
    expect((await errorOf(prepareMwebActivation(past.chain))).message).toMatch(
      /past the activation/,
    );
  });

  it('says so when the daemon kept the send out of its mempool (too early)', async () => {
    const { chain } = fakeChain({ mweb: true, height: 300, mempool: 'absent' });
    const err = await errorOf(pegIn(chain));
    expect(err.code).toBe('REGTEST_MWEB_STATE');
    expect(err.message).toMatch(/did not enter the mempool at height 300/);
  });

  it('refuses a send without a peg-in kernel, and a wallet with no coins left', async () => {
    const mwebOnly = fakeChain({ mweb: true, height: 440, mempool: 'mweb-only' });
    expect((await errorOf(pegIn(mwebOnly.chain))).message).toMatch(/without a peg-in/);
    const empty = fakeChain({ mweb: true, height: 440, mempool: 'peg-in', coinsLeft: 0 });
    expect((await errorOf(pegIn(empty.chain))).message).toMatch(/no peg-in coins left/);
  });
});
