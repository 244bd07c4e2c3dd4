import { afterEach, describe, expect, it } from 'vitest';
import { toHex } from '../core/bytes.js';
import { VirtualTime } from '../../runtime/index.js';
import { FailoverChainNode, type HealthChange } from './failover-chain-node.js';
import { JsonRpcClient } from './json-rpc-client.js';
import { RpcChainNode, TEMPLATE_RULES } from './rpc-chain-node.js';
import { drive, rejection } from './testing/drive.js';
import { FakeBitcoind } from './testing/fake-bitcoind.js';

const AUTH = { user: 'u', password: 'p' };

describe('FailoverChainNode', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  /** `count` fakes of one network (one shared chain) behind one failover node. */
  async function setup(
    count: number,
    opts: { rules?: readonly (readonly string[])[]; walletNodeId?: string } = {},
  ): Promise<{
    fakes: FakeBitcoind[];
    node: FailoverChainNode;
    vt: VirtualTime;
    changes: HealthChange[];
  }> {
    const fakes: FakeBitcoind[] = [];
    for (let i = 0; i < count; i++) {
      const fake = await FakeBitcoind.start({
        auth: AUTH,
        ...(fakes[0] ? { chain: fakes[0].chain } : {}),
      });
      cleanups.push(() => fake.close());
      fakes.push(fake);
    }
    const vt = new VirtualTime(0);
    const changes: HealthChange[] = [];
    const node = new FailoverChainNode({
      scheduler: vt,
      reprobeIntervalMs: 5_000,
      onHealthChange: (c) => changes.push(c),
      ...(opts.walletNodeId === undefined ? {} : { walletNodeId: opts.walletNodeId }),
      nodes: fakes.map((fake, i) => ({
        id: String.fromCharCode(97 + i),
        // No retries inside a member: moving on to the next daemon is the retry.
        node: new RpcChainNode({
          client: new JsonRpcClient({ url: fake.url, scheduler: vt, retries: 0 }),
          scheduler: vt,
          rules: opts.rules?.[i] ?? TEMPLATE_RULES.litecoin,
        }),
      })),
    });
    cleanups.push(() => node.close());
    return { fakes, node, vt, changes };
  }

  it('asks only the first node while it answers', async () => {
    const { fakes, node } = await setup(2);
    const best = await node.getBestBlock();
    expect(best.hash).toBe(fakes[0]!.chain.tip.hash);
    expect(fakes[0]!.calls).toHaveLength(1);
    expect(fakes[1]!.calls).toHaveLength(0);
  });

  it('moves to the next node when the first is closed, and says so', async () => {
    // Arrange
    const { fakes, node, changes } = await setup(2);
    await fakes[0]!.close();
    // Act
    const t = await node.getBlockTemplate();
    const again = await node.getBestBlock();
    // Assert
    expect(t.prevHashHex).toBe(fakes[1]!.chain.tip.hash);
    expect(again.hash).toBe(t.prevHashHex);
    expect(node.health()).toEqual([
      { id: 'a', healthy: false },
      { id: 'b', healthy: true },
    ]);
    expect(changes.map(({ id, healthy }) => ({ id, healthy }))).toEqual([
      { id: 'a', healthy: false },
    ]);
    expect(fakes[1]!.calls.map((c) => c.method)).toEqual(['getblocktemplate', 'getblockchaininfo']);
  });

  it('does not fail over on a daemon saying no', async () => {
    // The first daemon refuses the rules (-8): an answer, not an outage.
    const { fakes, node } = await setup(2, {
      rules: [TEMPLATE_RULES.bitcoin, TEMPLATE_RULES.litecoin],
    });
    const err = await rejection(node.getBlockTemplate());
    expect(err.code).toBe('RPC_ERROR');
    expect(node.health().every((h) => h.healthy)).toBe(true);
    expect(fakes[1]!.calls).toHaveLength(0);
  });

  it('probes an unhealthy node on the scheduler and prefers it again once it answers', async () => {
    // Arrange
    const { fakes, node, vt, changes } = await setup(2);
    fakes[0]!.mode = 'down';
    await node.getBestBlock();
    // Act: one probe while it is still down, one after it is back.
    await drive(
      vt,
      waitFor(() => fakes[0]!.connections === 2, vt),
    );
    await drive(vt, new Promise<void>((resolve) => vt.setTimeout(resolve, 1_000)));
    const stillDown = !node.health()[0]?.healthy;
    fakes[0]!.mode = 'normal';
    await drive(
      vt,
      waitFor(() => node.health()[0]?.healthy === true, vt),
    );
    await node.getBestBlock();
    // Assert
    expect(stillDown).toBe(true);
    expect(changes.map((c) => `${c.id}:${c.healthy}`)).toEqual(['a:false', 'a:true']);
    expect(fakes[0]!.callsOf('getblockchaininfo')).toHaveLength(2);
    await node.close();
    expect(vt.pending).toBe(0);
  });

  it('submits a block to every healthy node and keeps the best answer', async () => {
    // Arrange: three daemons of one chain, the last one dead.
    const { fakes, node } = await setup(3);
    fakes[2]!.mode = 'down';
    const block = `${toHex(fakes[0]!.chain.headerOnTip())}00`;
    // Act
    const first = await node.submitBlock(block);
    const second = await node.submitBlock(block);
    // Assert
    expect(first.kind).toBe('accepted');
    expect(first.perNode.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    const verdicts = first.perNode.flatMap((a) => ('result' in a ? [a.result] : []));
    expect(verdicts).toContainEqual({ kind: 'accepted' });
    expect(verdicts).toContainEqual({ kind: 'rejected', reason: 'duplicate' });
    expect(first.perNode[2]).toMatchObject({ id: 'c', failure: { code: 'RPC_UNREACHABLE' } });
    expect(second).toEqual({
      kind: 'rejected',
      reason: 'duplicate',
      perNode: [
        { id: 'a', result: { kind: 'rejected', reason: 'duplicate' } },
        { id: 'b', result: { kind: 'rejected', reason: 'duplicate' } },
      ],
    });
    expect(fakes.map((f) => f.callsOf('submitblock').length)).toEqual([2, 2, 0]);
  });

  it('throws NODE_UNAVAILABLE with every failure when no node answers', async () => {
    const { fakes, node } = await setup(2);
    for (const f of fakes) f.mode = 'down';
    const err = await rejection(node.getBestBlock());
    expect(err.code).toBe('NODE_UNAVAILABLE');
    expect(err.details?.['perNode']).toHaveLength(2);
    const submit = await rejection(node.submitBlock('00'));
    expect(submit.code).toBe('NODE_UNAVAILABLE');
  });

  it('pays only from the wallet node, never from another', async () => {
    // Arrange
    const { fakes, node } = await setup(2, { walletNodeId: 'b' });
    // Act
    const balance = await node.getBalance();
    fakes[1]!.mode = 'down';
    const err = await rejection(
      node.sendMany(new Map([['rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kgmn4n9', 1n]])),
    );
    // Assert
    expect(balance).toBe(fakes[1]!.state.balanceSats);
    expect(err.code).toBe('RPC_UNREACHABLE');
    expect(fakes[0]!.callsOf('getbalance')).toHaveLength(0);
    expect(fakes[0]!.callsOf('sendmany')).toHaveLength(0);
  });
});

/** Resolves once `cond` holds, checking on each virtual millisecond. */
function waitFor(cond: () => boolean, vt: VirtualTime): Promise<void> {
  return new Promise((resolve) => {
    const h = vt.setInterval(() => {
      if (!cond()) return;
      vt.clear(h);
      resolve();
    }, 1);
  });
}
