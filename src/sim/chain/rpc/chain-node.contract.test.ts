import { BITCOIN_REGTEST_COIN, LITECOIN_REGTEST_COIN } from '../../../pool/core/coins/index.js';
import type { CoinParams } from '../../../pool/core/coins/index.js';
import {
  chainNodeContract,
  type ChainNodeFixture,
} from '../../../pool/node/chain-node.contract.js';
import { addressOf, startSimRpc, type SimRpcOptions } from './rpc.fixtures.js';

/**
 * The pool's real RpcChainNode, over its real JsonRpcClient and HTTP, against the simulator's
 * RPC server: the same contract every ChainNode adapter passes. Blocks come from outside the
 * node under test (generatetoaddress on another client), raw blocks from `getblock <hash> 0`.
 */
async function fixture(coin: CoinParams, auth?: SimRpcOptions['auth']): Promise<ChainNodeFixture> {
  const rpc = await startSimRpc({ coin, premine: 101, ...(auth === undefined ? {} : { auth }) });
  const outside = rpc.client();
  const outsider = addressOf(coin, 0x77);
  const node = rpc.node();
  return {
    node,
    mineBlock: async () => {
      await outside.call('generatetoaddress', [1, outsider]);
    },
    rawBlock: async (hash) => String(await outside.call('getblock', [hash, 0])),
    validAddress: addressOf(coin, 0x44),
    hasWallet: true,
    close: async () => {
      await node.close();
      await rpc.close();
    },
  };
}

chainNodeContract('RpcChainNode on the simulator RPC server, bitcoin-regtest, password', () =>
  fixture(BITCOIN_REGTEST_COIN),
);

chainNodeContract('RpcChainNode on the simulator RPC server, litecoin-regtest, cookie', () =>
  fixture(LITECOIN_REGTEST_COIN, 'cookie'),
);
