import { LITECOIN_REGTEST, encodeAddress, witnessScript } from '../../pool/core/address/index.js';
import { LITECOIN_REGTEST_COIN } from '../../pool/core/coins/index.js';
import { chainNodeContract, type ChainNodeFixture } from '../../pool/node/chain-node.contract.js';
import { MINER_A, makeSim } from './chain.fixtures.js';
import { minerScript } from './block-maker.js';
import type { ChainSim } from './chain-sim.js';
import { InProcessChainNode } from './in-process-node.js';

function fixture(sim: ChainSim, node: InProcessChainNode, validAddress: string): ChainNodeFixture {
  const outside = minerScript(sim.coin, 'contract-outsider');
  return {
    node,
    mineBlock: () => Promise.resolve(void sim.generate(1, outside)),
    rawBlock: (hash) => Promise.resolve(sim.rawBlock(hash) ?? ''),
    validAddress,
    hasWallet: true,
    close: () => node.close(),
  };
}

chainNodeContract('InProcessChainNode over the simulator, bitcoin-regtest', () => {
  const { sim, vt } = makeSim();
  sim.generate(101);
  return Promise.resolve(fixture(sim, new InProcessChainNode(sim, vt), MINER_A));
});

chainNodeContract('InProcessChainNode over the simulator, litecoin-regtest', () => {
  const wallet = encodeAddress(witnessScript(0, Buffer.alloc(20, 0x33)), LITECOIN_REGTEST);
  const { sim, vt } = makeSim({ coin: LITECOIN_REGTEST_COIN, wallet: { address: wallet } });
  sim.generate(101);
  const payee = encodeAddress(witnessScript(0, Buffer.alloc(20, 0x44)), LITECOIN_REGTEST);
  return Promise.resolve(fixture(sim, new InProcessChainNode(sim, vt), payee));
});
