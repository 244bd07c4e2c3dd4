import type { Logger } from 'pino';
import { ChimeraError } from '../../errors.js';
import type { Scheduler } from '../../runtime/scheduler.js';
import type { NetworkSwitch } from '../store/books/network-switches.js';
import type { StratumServer } from '../stratum/server.js';

/** How a switch is carried out; every field has a default (see DEFAULT_SWITCH_POLICY). */
export interface SwitchPolicy {
  /** Share of the miners moved first, 0 < f <= 1. */
  readonly canaryFraction: number;
  /** How long the canary mines the target before the rest follow (ms). */
  readonly canaryMs: number;
  /** The canary's acceptance (accepted / answered on the target) below which it rolls back. */
  readonly minAcceptance: number;
  /** Fewer canary shares than this say nothing about acceptance: only the daemon is judged. */
  readonly minCanaryShares: number;
  /** How often the target's daemon is checked during the canary (ms). */
  readonly checkIntervalMs: number;
  /**
   * Shares for the network a miner left are still taken, and booked on that network, this
   * long after its move (their job must still be active there); later ones are stale (21).
   */
  readonly graceMs: number;
}

export const DEFAULT_SWITCH_POLICY: SwitchPolicy = {
  canaryFraction: 0.1,
  canaryMs: 30_000,
  minAcceptance: 0.9,
  minCanaryShares: 20,
  checkIntervalMs: 1_000,
  graceMs: 10_000,
};

/** Says whether a network's daemon can serve now: undefined when it can, else why not. */
export type DaemonCheck = () => Promise<string | undefined>;

export interface NetworkSwitcherDeps {
  readonly server: StratumServer;
  /** One check per network the server serves. */
  readonly checks: ReadonlyMap<string, DaemonCheck>;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  /** Where each phase is written (the store's network_switches); optional in tests. */
  readonly history?: { record(event: NetworkSwitch, atMs: number): Promise<unknown> };
  readonly policy?: Partial<SwitchPolicy>;
}

export type SwitchOutcome =
  | {
      readonly kind: 'completed';
      readonly from: string;
      readonly to: string;
      readonly canary: { readonly moved: number; readonly reconnected: number };
      readonly rest: { readonly moved: number; readonly reconnected: number };
      readonly canaryShares: { readonly accepted: number; readonly rejected: number };
    }
  | {
      readonly kind: 'rolled-back';
      readonly from: string;
      readonly to: string;
      readonly reason: string;
      readonly canary: { readonly moved: number; readonly reconnected: number };
    };

export interface SwitchRequest {
  /** Who asked (an operator's name, `cli`, `scenario`): kept in the history. */
  readonly actor: string;
  readonly reason?: string;
}

/**
 * Moves a Stratum server from the network it serves to another while miners stay connected:
 * the target's daemon is checked first (a failed check refuses the switch before anyone
 * moves); a canary share of the miners moves (new difficulty and clean work, or
 * client.reconnect for hardware that cannot mine the target's proof of work); the canary
 * mines for `canaryMs` while the target's daemon is checked every `checkIntervalMs`; then,
 * if the daemon held and the canary's acceptance is at least `minAcceptance`, every other
 * miner and all new connections follow. Otherwise the canary is moved back: a rollback, with
 * its reason. Every phase goes to the history with who asked. One switch at a time.
 */
export class NetworkSwitcher {
  readonly policy: SwitchPolicy;
  readonly #deps: NetworkSwitcherDeps;
  #busy = false;
  /** The network served before the last completed switch (what `rollback` returns to). */
  #previous: string | undefined;

  constructor(deps: NetworkSwitcherDeps) {
    this.#deps = deps;
    this.policy = { ...DEFAULT_SWITCH_POLICY, ...deps.policy };
    const p = this.policy;
    if (!(p.canaryFraction > 0 && p.canaryFraction <= 1)) {
      throw refused(`canaryFraction must be in (0, 1], got ${p.canaryFraction}`);
    }
    if (!(p.minAcceptance >= 0 && p.minAcceptance <= 1)) {
      throw refused(`minAcceptance must be in [0, 1], got ${p.minAcceptance}`);
    }
  }

  /** The network new miners get now. */
  get current(): string {
    return this.#deps.server.defaultNetwork;
  }

  get switching(): boolean {
    return this.#busy;
  }

  /** Switches to `to`; resolves when it completed or rolled back. Throws when refused. */
  async switchTo(to: string, request: SwitchRequest): Promise<SwitchOutcome> {
    const { server, checks } = this.#deps;
    const from = server.defaultNetwork;
    if (this.#busy) throw refused('a switch is under way');
    if (to === from) throw refused(`the pool serves ${to} already`);
    const check = checks.get(to);
    if (check === undefined) throw refused(`no network ${to} is configured`);
    this.#busy = true;
    try {
      const why = await this.#check(check);
      if (why !== undefined) throw refused(`the daemon of ${to} failed its check: ${why}`);
      return await this.#run(from, to, request, check);
    } finally {
      this.#busy = false;
    }
  }

  /** Switches back to the network served before the last completed switch. */
  async rollback(request: SwitchRequest): Promise<SwitchOutcome> {
    const back = this.#previous;
    if (back === undefined) throw refused('no completed switch to roll back');
    return this.switchTo(back, { ...request, reason: request.reason ?? 'rollback' });
  }

  async #run(
    from: string,
    to: string,
    request: SwitchRequest,
    check: DaemonCheck,
  ): Promise<SwitchOutcome> {
    const { server, logger } = this.#deps;
    const p = this.policy;
    const reason = request.reason ?? 'operator request';
    await this.#record({ from, to, phase: 'started', reason, actor: request.actor });
    const before = server.tally(to);
    // Every k-th session in connection order: a spread, stable canary.
    const every = Math.max(1, Math.round(1 / p.canaryFraction));
    let i = 0;
    const canary = server.moveSessions(to, () => i++ % every === 0, p.graceMs);
    logger.info({ from, to, ...canary, actor: request.actor }, 'network switch: canary moved');
    const failure = await this.#watch(check);
    const after = server.tally(to);
    const shares = {
      accepted: after.accepted - before.accepted,
      rejected: after.rejected - before.rejected,
    };
    const answered = shares.accepted + shares.rejected;
    const acceptance = answered === 0 ? 1 : shares.accepted / answered;
    const why =
      failure ??
      (answered >= p.minCanaryShares && acceptance < p.minAcceptance
        ? `canary acceptance ${acceptance.toFixed(3)} < ${p.minAcceptance} (${shares.accepted}/${answered})`
        : undefined);
    if (why !== undefined) {
      server.moveSessions(from, (s) => s.network === to, p.graceMs);
      logger.warn({ from, to, reason: why }, 'network switch rolled back');
      await this.#record({ from, to, phase: 'rolled-back', reason: why, actor: request.actor });
      return { kind: 'rolled-back', from, to, reason: why, canary };
    }
    server.setDefaultNetwork(to);
    const rest = server.moveSessions(to, () => true, p.graceMs);
    this.#previous = from;
    logger.info({ from, to, ...rest, canaryShares: shares }, 'network switch completed');
    await this.#record({ from, to, phase: 'completed', reason, actor: request.actor });
    return { kind: 'completed', from, to, canary, rest, canaryShares: shares };
  }

  /** Waits out the canary, checking the daemon; resolves with why it failed, if it did. */
  #watch(check: DaemonCheck): Promise<string | undefined> {
    const { scheduler } = this.#deps;
    const p = this.policy;
    const endMs = scheduler.clock.nowMs() + p.canaryMs;
    return new Promise((resolve) => {
      const step = (): void => {
        const left = endMs - scheduler.clock.nowMs();
        if (left <= 0) {
          resolve(undefined);
          return;
        }
        scheduler.setTimeout(
          () => {
            void this.#check(check).then((why) => {
              if (why !== undefined) resolve(`the daemon failed during the canary: ${why}`);
              else step();
            });
          },
          Math.min(p.checkIntervalMs, left),
        );
      };
      step();
    });
  }

  async #check(check: DaemonCheck): Promise<string | undefined> {
    try {
      return await check();
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  async #record(event: NetworkSwitch): Promise<void> {
    const { history, scheduler, logger } = this.#deps;
    if (history === undefined) return;
    try {
      await history.record(event, scheduler.clock.nowMs());
    } catch (err) {
      // The switch itself goes on: miners must not wait on the books.
      logger.error({ err, event }, 'network switch not written to the history');
    }
  }
}

function refused(message: string): ChimeraError {
  return new ChimeraError('NETWORK_SWITCH_REFUSED', message);
}
