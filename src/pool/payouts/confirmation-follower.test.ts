import { describe, expect, it } from 'vitest';
import type { ChainNode } from '../node/chain-node.js';
import { ConfirmationFollower } from './confirmation-follower.js';
import { ERROR, balances, capture, freshNetwork, usePgliteStore } from './payouts.fixtures.js';
import { RoundCloser } from './round-closer.js';
import { maturityDepthFor } from './settings.js';
import { poolFindsBlock, simWorld, type SimWorld } from './sim-world.fixtures.js';

const store = usePgliteStore();

// 5e9 sats, 1% fee: 4.95e9 over alice 1 : bob 3 of work.
const ALICE = 1_237_500_000n;
const BOB = 3_712_500_000n;

async function setup(seed: string, node?: (world: SimWorld) => ChainNode) {
  const world = simWorld(seed);
  const network = await freshNetwork(store(), seed);
  const { logger, lines } = capture();
  const closer = new RoundCloser({
    network,
    store: store(),
    settings: { feeBps: 100, window: { num: 2n, den: 1n } },
    currentNetworkWork: () => Promise.reject(new Error('not needed')),
    clock: world.vt,
    logger,
  });
  const follower = new ConfirmationFollower({
    network,
    blocks: store().blocks,
    node: node?.(world) ?? world.node,
    maturityDepth: maturityDepthFor(world.coin),
    clock: world.vt,
    logger,
  });
  const found = await poolFindsBlock(world, store(), network);
  expect(await closer.blockAccepted(found)).toMatchObject({ kind: 'credited' });
  return { world, network, closer, follower, found, lines };
}

describe('ConfirmationFollower on the in-process simulator', () => {
  it('makes credits payable exactly when the wallet can spend the coinbase (101 confirmations on regtest)', async () => {
    // Arrange
    const { world, network, follower, found } = await setup('maturity');
    const wallet = world.sim.wallet!;

    // Act / Assert: one confirmation, then 100: still immature, for the books and the wallet.
    expect((await follower.runOnce()).checks).toEqual([
      { kind: 'maturing', hash: found.hash, confirmations: 1, needed: 101 },
    ]);
    world.mineOthers(99);
    expect((await follower.runOnce()).checks).toMatchObject([
      { kind: 'maturing', confirmations: 100 },
    ]);
    expect(wallet.immatureSats()).toBe(found.rewardSats);
    expect(await balances(store(), network)).toEqual({
      alice: [ALICE, 0n, 0n, 0n],
      bob: [BOB, 0n, 0n, 0n],
    });

    world.mineOthers(1);
    const report = await follower.runOnce();
    expect(report.checks).toEqual([
      { kind: 'confirmed', hash: found.hash, confirmations: 101, maturedSats: ALICE + BOB },
    ]);
    expect(wallet.immatureSats()).toBe(0n);
    expect(wallet.balanceSats()).toBe(found.rewardSats);
    expect(await balances(store(), network)).toEqual({
      alice: [0n, ALICE, 0n, 0n],
      bob: [0n, BOB, 0n, 0n],
    });
    expect(await store().blocks.get(network, found.hash)).toMatchObject({ status: 'confirmed' });
    expect((await follower.runOnce()).checks).toEqual([]);
  });

  it('orphans a pool block a reorg takes off the main chain and reverses its credits', async () => {
    // Arrange
    const { world, network, follower, found } = await setup('reorg');
    world.mineOthers(1);
    expect((await follower.runOnce()).checks).toMatchObject([
      { kind: 'maturing', confirmations: 2 },
    ]);

    // Act: a branch from below the pool's block outgrows the chain.
    world.sim.reorg(2);
    const report = await follower.runOnce();

    // Assert
    expect((await world.node.getBlock(found.hash))?.confirmations).toBe(-1);
    expect(report.checks).toEqual([
      { kind: 'orphaned', hash: found.hash, why: 'off-main-chain', reversedSats: ALICE + BOB },
    ]);
    expect(await balances(store(), network)).toEqual({
      alice: [0n, 0n, 0n, 0n],
      bob: [0n, 0n, 0n, 0n],
    });
    expect(await store().blocks.get(network, found.hash)).toMatchObject({ status: 'orphaned' });
    world.mineOthers(200);
    expect((await follower.runOnce()).checks).toEqual([]);
  });

  it('orphans a block the node has never heard of once another block holds its height', async () => {
    // Arrange: a node that does not know the pool's block (a failover daemon it never reached).
    const { world, follower, found } = await setup('replaced', (w) =>
      Object.assign(Object.create(w.node) as ChainNode, {
        getBlock: () => Promise.resolve(undefined),
      }),
    );

    // Act / Assert: while the height holds the block itself, nothing is decided.
    expect((await follower.runOnce()).checks).toEqual([
      { kind: 'unknown-to-node', hash: found.hash },
    ]);
    world.sim.reorg(1);
    expect((await follower.runOnce()).checks).toEqual([
      { kind: 'orphaned', hash: found.hash, why: 'replaced', reversedSats: ALICE + BOB },
    ]);
  });

  it('survives the node being down: a logged error, nothing changed, resumed on the next step', async () => {
    // Arrange
    const { world, network, follower, found, lines } = await setup('down');
    world.mineOthers(100);
    world.node.faults.outage();

    // Act
    const down = await follower.runOnce();

    // Assert
    expect(down).toMatchObject({ checks: [], nodeDown: { code: 'RPC_UNREACHABLE' } });
    const logged = lines.find((l) => l.level === ERROR);
    expect(logged).toMatchObject({
      msg: 'node failed while following blocks: retrying next step',
      err: { code: 'RPC_UNREACHABLE' },
      blockHash: found.hash,
    });
    expect(await store().blocks.get(network, found.hash)).toMatchObject({ status: 'pending' });

    world.node.faults.heal();
    expect((await follower.runOnce()).checks).toMatchObject([
      { kind: 'confirmed', hash: found.hash },
    ]);
  });

  it('refuses a maturity depth below 1', () => {
    const world = simWorld('bad');
    const { logger } = capture();
    const deps = {
      network: 'n',
      blocks: store().blocks,
      node: world.node,
      clock: world.vt,
      logger,
    };
    expect(() => new ConfirmationFollower({ ...deps, maturityDepth: 0 })).toThrow('PAYOUTS_CONFIG');
  });
});
