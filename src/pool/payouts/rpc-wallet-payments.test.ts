import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BITCOIN_REGTEST_COIN } from '../core/coins/index.js';
import { RpcChainNode } from '../node/rpc-chain-node.js';
import { addressOf, startSimRpc, type SimRpc } from '../../sim/chain/rpc/rpc.fixtures.js';
import { RpcWalletPayments } from './rpc-wallet-payments.js';

/** The payout sender's wallet questions over JSON-RPC, answered by the simulator's daemon. */
describe('RpcWalletPayments against the simulator daemon', () => {
  let rpc: SimRpc;
  beforeAll(async () => {
    rpc = await startSimRpc({ coin: BITCOIN_REGTEST_COIN, premine: 101 });
  });
  afterAll(async () => {
    await rpc?.close();
  });

  it('finds a payout by its plan id and follows its depth; unknown ones are undefined', async () => {
    // Arrange
    const client = rpc.client({ retries: 0 });
    const node = new RpcChainNode({ client, scheduler: rpc.scheduler, rules: ['segwit'] });
    const wallet = new RpcWalletPayments({ client });
    const miners = new Map([
      [addressOf(BITCOIN_REGTEST_COIN, 0xa1), 150_000_000n],
      [addressOf(BITCOIN_REGTEST_COIN, 0xa2), 25_000n],
    ]);
    // Act
    const txid = await node.sendMany(miners, { comment: 'bitcoin-regtest/1/abc' });
    const other = await node.sendMany(new Map([[addressOf(BITCOIN_REGTEST_COIN, 0xa3), 1_000n]]), {
      comment: 'bitcoin-regtest/2/def',
    });
    const inMempool = await wallet.findByComment('bitcoin-regtest/1/abc');
    rpc.sim.generate(1);
    const mined = await wallet.findByComment('bitcoin-regtest/1/abc');
    const depth = await wallet.confirmations(other);
    // Assert
    expect(inMempool).toEqual({ txid, confirmations: 0 });
    expect(mined).toEqual({ txid, confirmations: 1 });
    expect(depth).toBe(1);
    expect(await wallet.findByComment('bitcoin-regtest/3/none')).toBeUndefined();
    expect(await wallet.confirmations('00'.repeat(32))).toBeUndefined();
  });
});
