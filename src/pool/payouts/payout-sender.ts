import type { Logger } from 'pino';
import { ChimeraError } from '../../errors.js';
import type { Clock } from '../../runtime/clock.js';
import type { ChainNode } from '../node/chain-node.js';
import type { BalanceRepository } from '../store/books/balance-repository.js';
import type { PayoutPlan, PayoutRepository } from '../store/books/payout-repository.js';
import { failureNote, payoutsError } from './payout-errors.js';
import type { PayoutEvent } from './payout-events.js';
import { nextPlan } from './payout-planner.js';
import { checkedInteger, checkedMs } from './settings.js';
import type { WalletPayments } from './wallet-payments.js';

export type { PayoutEvent } from './payout-events.js';

export interface PayoutSenderSettings {
  /** Addresses are paid once their payable balance reaches this. */
  readonly minPayoutSats: bigint;
  /** Outputs per payout transaction. Default 500. */
  readonly maxOutputs?: number;
  /** Confirmations of the payout transaction before it counts as paid. Default 6. */
  readonly payoutConfirmations?: number;
  /**
   * How long a plan whose send outcome is unknown must stay absent from the wallet before it
   * is sent (again): longer than any sendmany the daemon could still be working on. Counted
   * from the failed attempt, or from this sender's start for plans an earlier process left.
   * Default 120 s.
   */
  readonly inDoubtWaitMs?: number;
}

export interface PayoutSenderDeps {
  readonly network: string;
  readonly payouts: PayoutRepository;
  readonly balances: BalanceRepository;
  readonly node: ChainNode;
  readonly wallet: WalletPayments;
  readonly settings: PayoutSenderSettings;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A node or wallet call that failed: ends the step as 'node-down'. */
class NodeFailure extends Error {
  constructor(readonly failure: unknown) {
    super('node failure');
  }
}

/**
 * Pays payable balances: a plan is written first, then sent with ChainNode.sendMany (the
 * plan id as the wallet comment), then marked sent with the txid, then confirmed once the
 * transaction is `payoutConfirmations` deep. One plan is open (planned) at a time. Miners get
 * their whole balance; the transaction fee is the wallet's (sendmany's default), not theirs.
 *
 * Guarantees, step by step, for one sender per network (two senders on one network could both
 * send a plan in doubt):
 * - Writing the plan is one transaction that also moves every amount payable -> reserved
 *   (PayoutRepository.plan). A crash before its commit leaves nothing; after it, the plan
 *   exists and its amounts are reserved: no credit is lost or counted twice either way.
 * - Between the plan and sendmany: a plan this process wrote and never handed to sendmany is
 *   sent. Any other planned plan (left by a crashed process, or whose sendmany failed without
 *   an answer) is in doubt: it is never sent while the wallet might hold a payment for it. It
 *   is looked up in the wallet by its comment each step; if found, it is marked sent with that
 *   txid (`reconciled`), never sent again; if absent for `inDoubtWaitMs` since the attempt (or
 *   since this sender started), the attempt is taken never to have reached the wallet and it
 *   is sent. That rule rests on the wallet writing the comment with the transaction (bitcoind does, in one
 *   wallet write) and on a sendmany finishing within `inDoubtWaitMs`.
 * - sendmany that surely did nothing (a JSON-RPC error answer such as -6 insufficient funds,
 *   or a connection refused before the request was sent) leaves the plan to be sent again next
 *   step; nothing is re-planned, so amounts stay reserved, not duplicated.
 * - Between sendmany and markSent: the txid is kept in memory and markSent retried each step;
 *   after a crash the plan is in doubt, found in the wallet by its comment, and reconciled.
 * - Between markSent and confirmation: confirm is one transaction (reserved -> paid). A
 *   payout transaction that leaves the chain (conflicted) is reported every step and its
 *   amounts stay reserved: the books have no sent -> cancelled move, so an operator decides.
 * - An operator must not cancel a planned plan while this sender runs: if it was being sent,
 *   the amounts would be payable again after being paid (markSent then throws
 *   PAYOUTS_BOOKS_STATE to make that loud).
 * Node and wallet failures end the step with a logged error and a 'node-down' event; database
 * failures make runOnce throw. Either way the next step resumes from the books.
 */
export class PayoutSender {
  private readonly startedMs: number;
  private readonly maxOutputs: number;
  private readonly payoutConfirmations: number;
  private readonly inDoubtWaitMs: number;
  /** Plans surely not sent (written here, or refused): sendmany may be called for them. */
  private readonly unsent = new Set<string>();
  /** Plans whose sendmany failed without an answer, and when. */
  private readonly doubtSince = new Map<string, number>();
  /** Plans sent whose markSent has not yet succeeded, with their txid. */
  private readonly unmarked = new Map<string, string>();

  constructor(private readonly deps: PayoutSenderDeps) {
    const s = deps.settings;
    this.startedMs = deps.clock.nowMs();
    this.maxOutputs = checkedInteger('maxOutputs', s.maxOutputs ?? 500, 1);
    this.payoutConfirmations = checkedInteger('payoutConfirmations', s.payoutConfirmations ?? 6, 1);
    this.inDoubtWaitMs = checkedMs('inDoubtWaitMs', s.inDoubtWaitMs ?? 120_000);
    if (s.minPayoutSats < 1n) {
      throw payoutsError('PAYOUTS_CONFIG', `minPayoutSats must be >= 1, got ${s.minPayoutSats}`);
    }
  }

  /** The step under way, if any. */
  private running: Promise<PayoutEvent[]> | undefined;

  /**
   * Settles sent payouts, finishes the open plan, and plans and sends a new one if none is
   * open. A call while a step runs joins that step: two steps never interleave.
   */
  runOnce(): Promise<PayoutEvent[]> {
    this.running ??= this.step().finally(() => (this.running = undefined));
    return this.running;
  }

  private async step(): Promise<PayoutEvent[]> {
    const events: PayoutEvent[] = [];
    try {
      await this.settleSent(events);
      const open = await this.finishPlanned(events);
      if (!open) {
        const plan = await this.planNext(events);
        if (plan !== undefined) await this.send(plan, events);
      }
    } catch (err) {
      if (!(err instanceof NodeFailure)) throw err;
      const error = failureNote(err.failure);
      this.deps.logger.error({ err: error }, 'node failed during payouts: retrying next step');
      events.push({ kind: 'node-down', error });
    }
    return events;
  }

  private async settleSent(events: PayoutEvent[]): Promise<void> {
    const { payouts, network, wallet, clock, logger } = this.deps;
    for (const plan of await payouts.list(network, 'sent')) {
      const { planId } = plan;
      const txid = plan.txid;
      if (txid === undefined)
        throw payoutsError('PAYOUTS_BOOKS_STATE', `sent ${planId} has no txid`);
      const confirmations = await this.ask(() => wallet.confirmations(txid));
      const log = logger.child({ planId, txid });
      if (confirmations === undefined) {
        log.error('the wallet does not know this payout transaction');
        events.push({ kind: 'tx-unknown', planId, txid });
      } else if (confirmations < 0) {
        log.error('payout transaction conflicted: amounts stay reserved until an operator acts');
        events.push({ kind: 'conflicted', planId, txid });
      } else if (confirmations >= this.payoutConfirmations) {
        const done = await payouts.confirm(planId, clock.nowMs());
        if (done.kind === 'confirmed') {
          log.info({ confirmations }, 'payout confirmed');
          events.push({ kind: 'confirmed', planId, txid, confirmations });
        }
      }
    }
  }

  /** Works through planned plans; true when one is still open after the step. */
  private async finishPlanned(events: PayoutEvent[]): Promise<boolean> {
    const { payouts, network } = this.deps;
    let open = false;
    for (const plan of await payouts.list(network, 'planned')) {
      if (!(await this.finish(plan, events))) open = true;
    }
    return open;
  }

  private async finish(plan: PayoutPlan, events: PayoutEvent[]): Promise<boolean> {
    const { planId } = plan;
    const txid = this.unmarked.get(planId);
    if (txid !== undefined) return this.mark(planId, txid, 'sent', events);
    if (this.unsent.has(planId)) return this.send(plan, events);

    const found = await this.ask(() => this.deps.wallet.findByComment(planId));
    if (found !== undefined) return this.mark(planId, found.txid, 'reconciled', events);
    const untilMs = (this.doubtSince.get(planId) ?? this.startedMs) + this.inDoubtWaitMs;
    const log = this.deps.logger.child({ planId });
    if (this.deps.clock.nowMs() < untilMs) {
      log.warn({ untilMs }, 'payout in doubt: not in the wallet yet, not sending before untilMs');
      events.push({ kind: 'in-doubt', planId, untilMs });
      return false;
    }
    log.info('payout in doubt is not in the wallet after the wait: it was never sent');
    this.doubtSince.delete(planId);
    this.unsent.add(planId);
    return this.send(plan, events);
  }

  private async planNext(events: PayoutEvent[]): Promise<PayoutPlan | undefined> {
    const { payouts, balances, network, clock, logger, settings } = this.deps;
    const payable = await balances.payable(network, settings.minPayoutSats);
    const limits = { minPayoutSats: settings.minPayoutSats, maxOutputs: this.maxOutputs };
    const plan = nextPlan(network, payable, limits, clock.nowMs());
    if (plan === undefined) return undefined;
    const outcome = await payouts.plan(plan, clock.nowMs());
    const log = logger.child({ planId: plan.planId });
    if (outcome.kind === 'planned') {
      this.unsent.add(plan.planId);
      log.info({ totalSats: outcome.totalSats, outputs: plan.items.length }, 'payout planned');
      events.push({
        kind: 'planned',
        planId: plan.planId,
        totalSats: outcome.totalSats,
        outputs: plan.items.length,
      });
      return plan;
    }
    // 'exists' is a plan an earlier try of this step wrote: the next step finds it in doubt.
    if (outcome.kind === 'insufficient') log.warn({ outcome }, 'payable balances moved meanwhile');
    return undefined;
  }

  /** Sends a plan surely not sent before; true once it is marked sent. */
  private async send(plan: PayoutPlan, events: PayoutEvent[]): Promise<boolean> {
    const { node, clock, logger } = this.deps;
    const { planId } = plan;
    const log = logger.child({ planId });
    const totalSats = plan.items.reduce((s, i) => s + i.amountSats, 0n);
    const balanceSats = await this.ask(() => node.getBalance());
    if (balanceSats < totalSats) {
      log.warn({ balanceSats, totalSats }, 'wallet cannot fund the payout yet');
      events.push({ kind: 'wallet-short', planId, balanceSats, totalSats });
      return false;
    }
    const outputs = new Map(plan.items.map((i) => [i.address, i.amountSats]));
    // From here until sendmany answers, the outcome is unknown.
    this.unsent.delete(planId);
    this.doubtSince.set(planId, clock.nowMs());
    let txid: string;
    try {
      txid = await node.sendMany(outputs, { comment: planId });
    } catch (err) {
      const error = failureNote(err);
      if (surelyNotSent(err)) {
        this.doubtSince.delete(planId);
        this.unsent.add(planId);
        log.error({ err: error }, 'payout not sent: retrying next step');
        events.push({ kind: 'send-refused', planId, error });
      } else {
        log.error({ err: error }, 'payout outcome unknown: in doubt until found in the wallet');
        events.push({ kind: 'send-unknown', planId, error });
      }
      return false;
    }
    this.doubtSince.delete(planId);
    this.unmarked.set(planId, txid);
    return this.mark(planId, txid, 'sent', events);
  }

  private async mark(
    planId: string,
    txid: string,
    kind: 'sent' | 'reconciled',
    events: PayoutEvent[],
  ): Promise<true> {
    const outcome = await this.deps.payouts.markSent(planId, txid, this.deps.clock.nowMs());
    this.unmarked.delete(planId);
    if (outcome.kind === 'is-cancelled' || outcome.kind === 'not-found') {
      this.deps.logger.error({ planId, txid, outcome }, 'a paid plan is cancelled or missing');
      throw payoutsError(
        'PAYOUTS_BOOKS_STATE',
        `plan ${planId} paid by ${txid} is ${outcome.kind}`,
        {
          planId,
          txid,
        },
      );
    }
    this.deps.logger.info(
      { planId, txid },
      kind === 'sent' ? 'payout sent' : 'payout found in the wallet',
    );
    events.push({ kind, planId, txid });
    return true;
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw new NodeFailure(err);
    }
  }
}

/** The daemon answered an error, or the request never left: sendmany did nothing. */
function surelyNotSent(err: unknown): boolean {
  if (!(err instanceof ChimeraError)) return false;
  return (
    err.code === 'RPC_ERROR' ||
    (err.code === 'RPC_UNREACHABLE' && err.details?.['requestSent'] === false)
  );
}
