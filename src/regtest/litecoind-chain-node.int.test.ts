import { describe } from 'vitest';
import { chainNodeContract } from '../pool/node/chain-node.contract.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { litecoindBinary, probeLitecoind, serviceGate } from '../../test/support/services.js';
import { startLitecoinRegtest } from './regtest-node.js';

const gate = await serviceGate('litecoind', probeLitecoind);

describe.skipIf(gate.skip)('real litecoind 0.21 in regtest', () => {
  chainNodeContract('RpcChainNode, real litecoind regtest', async () => {
    const wall = new WallScheduler(wallClock);
    const node = await startLitecoinRegtest({ scheduler: wall, binary: await litecoindBinary() });
    return {
      node: node.chainNode,
      mineBlock: async () => void (await node.mine(1)),
      rawBlock: async (hash) => String(await node.rpc('getblock', [hash, 0])),
      validAddress: await node.newAddress(),
      hasWallet: true,
      close: async () => {
        await node.close();
        wall.clearAll();
      },
    };
  });
});
