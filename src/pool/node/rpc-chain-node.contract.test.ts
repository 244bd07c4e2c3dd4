import { VirtualTime, WallScheduler, wallClock, type Scheduler } from '../../runtime/index.js';
import type { ChainNode } from './chain-node.js';
import { chainNodeContract, type ChainNodeFixture } from './chain-node.contract.js';
import { FailoverChainNode } from './failover-chain-node.js';
import { JsonRpcClient } from './json-rpc-client.js';
import { RpcChainNode, TEMPLATE_RULES } from './rpc-chain-node.js';
import { FakeBitcoind } from './testing/fake-bitcoind.js';

const ADDRESS = 'rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9';
const AUTH = { user: 'pool', password: 'pw' };

function rpcNode(fake: FakeBitcoind, scheduler: Scheduler, longPoll: boolean): RpcChainNode {
  const client = new JsonRpcClient({
    url: fake.url,
    scheduler,
    backoff: { initialMs: 2, maxMs: 10, factor: 2 },
  });
  return new RpcChainNode({
    client,
    scheduler,
    rules: TEMPLATE_RULES.litecoin,
    longPoll,
    pollIntervalMs: 5,
  });
}

function fixture(
  fakes: readonly FakeBitcoind[],
  node: ChainNode,
  stopTimers: () => void,
): ChainNodeFixture {
  const primary = fakes[0]!;
  return {
    node,
    // The fakes of one network share one chain, as daemons of one network would.
    mineBlock: () => Promise.resolve(void primary.mineBlock()),
    rawBlock: (hash) => Promise.resolve(primary.chain.get(hash)?.rawHex ?? ''),
    validAddress: ADDRESS,
    hasWallet: true,
    close: async () => {
      await node.close();
      stopTimers();
      for (const f of fakes) await f.close();
    },
  };
}

chainNodeContract('RpcChainNode with longpoll, fake litecoind', async () => {
  const fake = await FakeBitcoind.start({ auth: AUTH });
  return fixture([fake], rpcNode(fake, new VirtualTime(0), true), () => undefined);
});

chainNodeContract('RpcChainNode polling getbestblockhash, fake litecoind', async () => {
  const fake = await FakeBitcoind.start({ auth: AUTH });
  const wall = new WallScheduler(wallClock);
  return fixture([fake], rpcNode(fake, wall, false), () => wall.clearAll());
});

chainNodeContract('FailoverChainNode over two fake litecoinds, the first one down', async () => {
  const first = await FakeBitcoind.start({ auth: AUTH });
  const second = await FakeBitcoind.start({ auth: AUTH, chain: first.chain });
  first.mode = 'down';
  // Wall time: the dead daemon's retries and back-off must really pass before failing over.
  const wall = new WallScheduler(wallClock);
  const node = new FailoverChainNode({
    scheduler: wall,
    walletNodeId: 'b',
    nodes: [
      { id: 'a', node: rpcNode(first, wall, true) },
      { id: 'b', node: rpcNode(second, wall, true) },
    ],
  });
  return fixture([first, second], node, () => wall.clearAll());
});
