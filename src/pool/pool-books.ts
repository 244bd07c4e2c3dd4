import type { Logger } from 'pino';
import type { Scheduler } from '../runtime/scheduler.js';
import type { CoinParams } from './core/coins/coin-params.js';
import { workOfTarget } from './core/difficulty/targets.js';
import type { WorkFactor } from './core/payouts/window.js';
import type { ChainNode } from './node/chain-node.js';
import { ConfirmationFollower } from './payouts/confirmation-follower.js';
import { PayoutSender, type PayoutEvent } from './payouts/payout-sender.js';
import { runEvery, type PeriodicStep } from './payouts/periodic.js';
import { RoundCloser } from './payouts/round-closer.js';
import { maturityDepthFor } from './payouts/settings.js';
import type { WalletPayments } from './payouts/wallet-payments.js';
import type { FoundBlock } from './shares/block-submitter.js';
import { ShareLedger, type AckMode } from './store/ledger/share-ledger.js';
import type { Store } from './store/store.js';
import type { AcceptedShare } from './stratum/ports.js';

export interface BooksSettings {
  /** When a share is acknowledged: after its commit (default) or at once. See AckMode. */
  readonly ackMode?: AckMode;
  /** Pool fee in basis points; default 100 (1%). */
  readonly feeBps?: number;
  /** PPLNS window as a multiple of the network's work per block; default 2. */
  readonly window?: WorkFactor;
  /** Balances below this wait for the next payout; default 0.01 coin (1,000,000 sats). */
  readonly minPayoutSats?: bigint;
  /** Confirmations before credits are payable; default the coin's maturity + 1. */
  readonly maturityDepth?: number;
  /** How often rounds, confirmations and payouts are stepped (ms); default 10 s. */
  readonly stepIntervalMs?: number;
}

export interface PoolBooksDeps {
  readonly store: Store;
  /** The network id the books are kept under (the pool's coin id). */
  readonly network: string;
  readonly coin: CoinParams;
  readonly node: ChainNode;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly settings?: BooksSettings;
  /**
   * How the sender checks the wallet for a payout whose outcome it does not know. Without
   * one, payouts are planned and kept for an operator, never sent blind (see PayoutSender).
   */
  readonly wallet?: WalletPayments;
  /** Daemon endpoints as configured, without credentials (the networks table). */
  readonly daemonUrls?: readonly string[];
  /** Whether an operator paused this network's payouts: no payout step runs while it is. */
  readonly payoutsHeld?: (network: string) => Promise<boolean>;
}

/**
 * The pool's durable books, wired: every accepted share through the group-commit ledger
 * (acknowledged per AckMode), every block the daemon accepted closed as a PPLNS round,
 * confirmations followed (orphans reverse their credits) and payouts sent, each step on the
 * injected scheduler. The store itself belongs to the composition root, which closes it
 * after `close()` here.
 */
export class PoolBooks {
  readonly ledger: ShareLedger;
  readonly rounds: RoundCloser;
  readonly follower: ConfirmationFollower;
  readonly sender: PayoutSender | undefined;
  readonly #deps: PoolBooksDeps;
  readonly #steps: PeriodicStep[] = [];
  readonly #log: Logger;
  readonly #settings: Required<Omit<BooksSettings, 'ackMode'>> & { ackMode: AckMode };

  constructor(deps: PoolBooksDeps) {
    this.#deps = deps;
    const { store, network, node, scheduler, coin } = deps;
    this.#log = deps.logger.child({ component: 'books', network: deps.network });
    const s = deps.settings ?? {};
    this.#settings = {
      ackMode: s.ackMode ?? 'durable',
      feeBps: s.feeBps ?? 100,
      window: s.window ?? { num: 2n, den: 1n },
      minPayoutSats: s.minPayoutSats ?? 1_000_000n,
      maturityDepth: s.maturityDepth ?? maturityDepthFor(coin),
      stepIntervalMs: s.stepIntervalMs ?? 10_000,
    };
    const settings = this.#settings;
    this.ledger = new ShareLedger({
      sql: store.sql,
      scheduler,
      mode: settings.ackMode,
      onWriteError: (err) => this.#log.error({ err }, 'share batch not written'),
    });
    this.rounds = new RoundCloser({
      network,
      store,
      settings: { feeBps: settings.feeBps, window: settings.window },
      currentNetworkWork: async () => workOfTarget((await node.getBlockTemplate()).target),
      clock: scheduler.clock,
      logger: this.#log.child({ part: 'rounds' }),
    });
    this.follower = new ConfirmationFollower({
      network,
      blocks: store.blocks,
      node,
      maturityDepth: settings.maturityDepth,
      clock: scheduler.clock,
      logger: this.#log.child({ part: 'confirmations' }),
    });
    this.sender =
      deps.wallet === undefined
        ? undefined
        : new PayoutSender({
            network,
            payouts: store.payouts,
            balances: store.balances,
            node,
            wallet: deps.wallet,
            settings: { minPayoutSats: settings.minPayoutSats },
            clock: scheduler.clock,
            logger: this.#log.child({ part: 'payouts' }),
          });
  }

  /** Registers the network (its payout settings) and starts the periodic steps. */
  async start(): Promise<void> {
    const { store, network, coin, scheduler } = this.#deps;
    const s = this.#settings;
    await store.networks.upsert(
      {
        id: network,
        coin: coin.id,
        algorithm: coin.algorithm,
        daemons: (this.#deps.daemonUrls ?? []).map((url) => ({ url })),
        ports: [],
        payout: {
          scheme: 'pplns',
          window: s.window,
          feeBps: s.feeBps,
          minPayoutSats: s.minPayoutSats,
          maturityDepth: s.maturityDepth,
        },
      },
      scheduler.clock.nowMs(),
    );
    await store.networks.setActive(network, true, scheduler.clock.nowMs());
    if (this.sender === undefined) {
      this.#log.warn(
        'payouts are not sent: no wallet was given for this network, and without one a payout ' +
          'whose outcome is unknown could not be checked before a re-send',
      );
    }
    const every = (step: () => Promise<unknown>): void => {
      this.#steps.push(runEvery(scheduler, s.stepIntervalMs, step, this.#log));
    };
    every(() => this.rounds.runOnce());
    every(() => this.follower.runOnce());
    const sender = this.sender;
    if (sender !== undefined) every(() => this.payOnce(sender));
  }

  /** One payout step, unless an operator paused this network's payouts. */
  async payOnce(sender: PayoutSender): Promise<readonly PayoutEvent[]> {
    const { payoutsHeld, network } = this.#deps;
    if (payoutsHeld !== undefined && (await payoutsHeld(network))) {
      this.#log.info('payouts paused by an operator: nothing planned or sent this step');
      return [];
    }
    return sender.runOnce();
  }

  record(share: AcceptedShare): Promise<void> {
    return this.ledger.record(share);
  }

  /** The submitter's report: a block the daemon accepted becomes a PPLNS round. */
  blockFound(found: FoundBlock): void {
    if (found.result.kind !== 'accepted') return;
    this.rounds
      .blockAccepted({
        network: found.network,
        hash: found.blockHash,
        height: found.height,
        rewardSats: found.rewardSats,
        foundByAddress: found.address,
        foundByWorker: found.worker,
        foundMs: found.foundAtMs,
        networkWork: found.networkWork,
      })
      .then(
        (outcome) => this.#log.info({ hash: found.blockHash, outcome: outcome.kind }, 'round'),
        (err: unknown) => this.#log.error({ err, hash: found.blockHash }, 'round not closed'),
      );
  }

  /** Stops the steps and writes the ledger's last batch. */
  async close(): Promise<void> {
    await Promise.all(this.#steps.splice(0).map((step) => step.stop()));
    await this.ledger.close();
  }
}
