import { describe, expect, it } from 'vitest';
import { MINER_A, MINER_B } from '../../sim/chain/chain.fixtures.js';
import type { ChainNode } from '../node/chain-node.js';
import { rpcError } from '../node/rpc-errors.js';
import type { PayoutRepository } from '../store/books/payout-repository.js';
import {
  ERROR,
  balances,
  capture,
  freshNetwork,
  hashOf,
  usePgliteStore,
} from './payouts.fixtures.js';
import { PayoutSender, type PayoutEvent } from './payout-sender.js';
import { simWorld, type SimWorld } from './sim-world.fixtures.js';
import { walletPaymentsOf, type WalletPayments } from './wallet-payments.js';

const store = usePgliteStore();
const CAROL = 'bcrt1qcarolbelowthethreshold';
const A_SATS = 700_000_000n;
const B_SATS = 290_000_000n;
const DOUBT_MS = 60_000;

/** A network whose books owe MINER_A and MINER_B (payable) and CAROL a little, and a funded wallet. */
async function setup(seed: string) {
  const world = simWorld(seed);
  world.sim.generate(110);
  const network = await freshNetwork(store(), seed);
  const hash = hashOf(0x5e0d);
  await store().blocks.recordFound({
    network,
    hash,
    height: 1,
    rewardSats: 1_000_000_000n,
    foundByAddress: MINER_A,
    foundByWorker: 'rig',
    foundMs: 1,
  });
  const split = {
    credits: [
      { account: MINER_A, amountSats: A_SATS },
      { account: MINER_B, amountSats: B_SATS },
      { account: CAROL, amountSats: 1_000n },
    ].sort((a, b) => (a.account < b.account ? -1 : 1)),
    feeSats: 1_000_000_000n - A_SATS - B_SATS - 1_000n,
  };
  await store().blocks.credit(network, hash, { split, endShareId: 1n, work: 1n }, 2);
  await store().blocks.confirm(network, hash, 3);
  return { world, network };
}

function senderFor(
  world: SimWorld,
  network: string,
  over: { node?: ChainNode; payouts?: PayoutRepository; wallet?: WalletPayments } = {},
) {
  const { logger, lines } = capture();
  const sender = new PayoutSender({
    network,
    payouts: over.payouts ?? store().payouts,
    balances: store().balances,
    node: over.node ?? world.node,
    wallet: over.wallet ?? walletPaymentsOf(world.sim.wallet!),
    settings: { minPayoutSats: 1_000_000n, payoutConfirmations: 1, inDoubtWaitMs: DOUBT_MS },
    clock: world.vt,
    logger,
  });
  return { sender, lines };
}

/** The node with sendMany replaced. */
function withSendMany(world: SimWorld, sendMany: ChainNode['sendMany']): ChainNode {
  return Object.assign(Object.create(world.node) as ChainNode, { sendMany });
}

function paymentsOf(world: SimWorld) {
  return world.sim.wallet!.payments();
}

/** After everything settles: one payment, the right outputs, paid in the books. */
async function expectPaidOnce(world: SimWorld, network: string, sender: PayoutSender) {
  world.mineOthers(1);
  const settled = await sender.runOnce();
  expect(settled).toMatchObject([{ kind: 'confirmed', confirmations: 1 }]);
  const payments = paymentsOf(world);
  expect(payments).toHaveLength(1);
  expect(payments[0]?.outputs).toEqual(
    new Map([
      [MINER_A, A_SATS],
      [MINER_B, B_SATS],
    ]),
  );
  expect(await balances(store(), network)).toEqual({
    [MINER_A]: [0n, 0n, 0n, A_SATS],
    [MINER_B]: [0n, 0n, 0n, B_SATS],
    [CAROL]: [0n, 1_000n, 0n, 0n],
  });
  for (let i = 0; i < 3; i++) expect(await sender.runOnce()).toEqual([]);
  expect(paymentsOf(world)).toHaveLength(1);
}

function kinds(events: readonly PayoutEvent[]): string[] {
  return events.map((e) => e.kind);
}

describe('PayoutSender', () => {
  it('plans, sends with the plan id as comment, marks sent and settles; small balances wait', async () => {
    // Arrange
    const { world, network } = await setup('happy');
    const { sender } = senderFor(world, network);

    // Act
    const first = await sender.runOnce();

    // Assert
    expect(kinds(first)).toEqual(['planned', 'sent']);
    const planId = (first[0] as { planId: string }).planId;
    expect(first[0]).toMatchObject({ totalSats: A_SATS + B_SATS, outputs: 2 });
    expect(paymentsOf(world)[0]).toMatchObject({
      comment: planId,
      txid: (first[1] as { txid: string }).txid,
    });
    expect(await balances(store(), network)).toMatchObject({ [MINER_A]: [0n, 0n, A_SATS, 0n] });
    expect(await sender.runOnce()).toEqual([]);
    await expectPaidOnce(world, network, sender);
    expect(await store().payouts.get(planId)).toMatchObject({ status: 'confirmed' });
  });

  it('crash between plan and send: the restarted sender holds the plan in doubt, then sends it once', async () => {
    // Arrange: the process dies inside sendMany before the request leaves.
    const { world, network } = await setup('crash-plan');
    const dying = senderFor(world, network, {
      node: withSendMany(world, () => Promise.reject(new Error('process died'))),
    });
    expect(kinds(await dying.sender.runOnce())).toEqual(['planned', 'send-unknown']);

    // Act: a new process starts on the same books and wallet.
    const { sender } = senderFor(world, network);
    const atStart = await sender.runOnce();
    await world.vt.advanceBy(DOUBT_MS);
    const afterWait = await sender.runOnce();

    // Assert
    expect(atStart).toMatchObject([{ kind: 'in-doubt', untilMs: world.vt.nowMs() }]);
    expect(paymentsOf(world)).toHaveLength(1);
    expect(kinds(afterWait)).toEqual(['sent']);
    await expectPaidOnce(world, network, sender);
  });

  it('crash between send and mark: the restarted sender finds the payment by its comment and never resends', async () => {
    // Arrange: the coins leave, then the process dies before the books say so.
    const { world, network } = await setup('crash-mark');
    const payouts = Object.assign(Object.create(store().payouts) as PayoutRepository, {
      markSent: () => Promise.reject(new Error('process died')),
    });
    await expect(senderFor(world, network, { payouts }).sender.runOnce()).rejects.toThrow(
      'process died',
    );
    expect(paymentsOf(world)).toHaveLength(1);

    // Act
    const { sender } = senderFor(world, network);
    const events = await sender.runOnce();

    // Assert
    expect(events).toEqual([
      {
        kind: 'reconciled',
        planId: paymentsOf(world)[0]?.comment,
        txid: paymentsOf(world)[0]?.txid,
      },
    ]);
    await expectPaidOnce(world, network, sender);
  });

  it.each([
    ['reached the wallet', true],
    ['never reached the wallet', false],
  ])('a sendmany timeout whose request %s is paid exactly once', async (_label, reached) => {
    // Arrange
    const { world, network } = await setup(`timeout-${reached}`);
    let timingOut = true;
    const node = withSendMany(world, async (outputs, options) => {
      if (!timingOut) return world.node.sendMany(outputs, options);
      timingOut = false;
      if (reached) await world.node.sendMany(outputs, options);
      throw rpcError('RPC_TIMEOUT', 'sendmany: no answer within 30000 ms');
    });
    const { sender } = senderFor(world, network, { node });

    // Act
    const first = await sender.runOnce();
    const second = await sender.runOnce();
    await world.vt.advanceBy(DOUBT_MS);
    const third = await sender.runOnce();

    // Assert
    expect(kinds(first)).toEqual(['planned', 'send-unknown']);
    expect(first[1]).toMatchObject({ error: { code: 'RPC_TIMEOUT' } });
    if (reached) {
      expect(kinds(second)).toEqual(['reconciled']);
      expect(third).toEqual([]);
    } else {
      expect(kinds(second)).toEqual(['in-doubt']);
      expect(kinds(third)).toEqual(['sent']);
    }
    await expectPaidOnce(world, network, sender);
  });

  it('survives the node being down and a refused send: logged, nothing lost, sent when it can be', async () => {
    // Arrange
    const { world, network } = await setup('down');
    let refuse = true;
    const node = withSendMany(world, (outputs, options) => {
      if (!refuse) return world.node.sendMany(outputs, options);
      refuse = false;
      return Promise.reject(
        rpcError('RPC_ERROR', 'sendmany: Insufficient funds (-6)', { rpcCode: -6 }),
      );
    });
    const { sender, lines } = senderFor(world, network, { node });
    world.node.faults.outage();

    // Act / Assert: down while sending: the plan is written and kept, nothing sent.
    const down = await sender.runOnce();
    expect(kinds(down)).toEqual(['planned', 'node-down']);
    expect(down[1]).toMatchObject({ error: { code: 'RPC_UNREACHABLE' } });
    expect(lines.find((l) => l.level === ERROR)).toMatchObject({
      msg: 'node failed during payouts: retrying next step',
      err: { code: 'RPC_UNREACHABLE' },
    });
    expect(await sender.runOnce()).toMatchObject([{ kind: 'node-down' }]);
    expect(paymentsOf(world)).toHaveLength(0);

    world.node.faults.heal();
    expect(await sender.runOnce()).toMatchObject([
      { kind: 'send-refused', error: { code: 'RPC_ERROR' } },
    ]);
    expect(kinds(await sender.runOnce())).toEqual(['sent']);
    await expectPaidOnce(world, network, sender);
  });

  it('waits while the wallet cannot fund the plan', async () => {
    // Arrange: 110 blocks leave the wallet ten mature coinbases (500 coins); owe more.
    const { world, network } = await setup('short');
    const { sender } = senderFor(world, network);
    const getBalance = () => Promise.resolve(1n);
    const poor = senderFor(world, network, {
      node: Object.assign(Object.create(world.node) as ChainNode, { getBalance }),
    });

    // Act
    const short = await poor.sender.runOnce();

    // Assert: the plan stays open; a sender that sees the funds (after the doubt wait) sends it.
    expect(short).toMatchObject([
      { kind: 'planned' },
      { kind: 'wallet-short', balanceSats: 1n, totalSats: A_SATS + B_SATS },
    ]);
    expect(kinds(await poor.sender.runOnce())).toEqual(['wallet-short']);
    await world.vt.advanceBy(DOUBT_MS);
    expect(kinds(await sender.runOnce())).toEqual(['sent']);
    await expectPaidOnce(world, network, sender);
  });

  it('reports a payout that left the chain every step and keeps its amounts reserved', async () => {
    // Arrange: the wallet says the payout transaction was conflicted.
    const { world, network } = await setup('conflicted');
    const real = walletPaymentsOf(world.sim.wallet!);
    const wallet: WalletPayments = { ...real, confirmations: () => Promise.resolve(-1) };
    const { sender, lines } = senderFor(world, network, { wallet });
    const sent = (await sender.runOnce())[1] as { planId: string; txid: string };

    // Act
    const events = await sender.runOnce();

    // Assert
    expect(events).toEqual([{ kind: 'conflicted', planId: sent.planId, txid: sent.txid }]);
    expect(lines.some((l) => l.level === ERROR && l.msg.includes('conflicted'))).toBe(true);
    expect(await balances(store(), network)).toMatchObject({
      [MINER_A]: [0n, 0n, A_SATS, 0n],
      [MINER_B]: [0n, 0n, B_SATS, 0n],
    });
    expect(paymentsOf(world)).toHaveLength(1);
  });
});
