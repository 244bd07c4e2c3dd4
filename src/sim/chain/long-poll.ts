import type { Scheduler, TimerHandle } from '../../runtime/index.js';
import type { ChainSim } from './chain-sim.js';

/** Bitcoin Core waits a minute before looking at the mempool, then every 10 s. */
export const LONGPOLL_FIRST_TX_CHECK_MS = 60_000;
export const LONGPOLL_TX_CHECK_EVERY_MS = 10_000;

interface Waiter {
  readonly watchedHash: string;
  readonly watchedTxUpdates: number;
  readonly held: () => boolean;
  timer: TimerHandle | undefined;
  txCheckDue: boolean;
  finish: (changed: boolean) => void;
}

/**
 * getblocktemplate's longpoll, as Bitcoin Core runs it: the answer comes when the tip is no
 * longer the longpollid's block, or, at the one-minute mark and every 10 s after, when the
 * mempool's update counter moved past the id's. `held` keeps a waiter waiting (a stalled-
 * templates fault); call `recheck` when it lets go.
 */
export class LongPolls {
  private readonly waiters = new Set<Waiter>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly sim: ChainSim,
    private readonly scheduler: Scheduler,
  ) {
    this.unsubscribe = sim.onEvent((e) => {
      if (e.kind === 'tip') this.recheck();
    });
  }

  /** True once the template would change, false when `signal` aborted or the poller closed. */
  wait(
    longPollId: string,
    opts: { readonly signal?: AbortSignal; readonly held?: () => boolean } = {},
  ): Promise<boolean> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const onAbort = (): void => waiter.finish(false);
      const waiter: Waiter = {
        watchedHash: longPollId.slice(0, 64).toLowerCase(),
        watchedTxUpdates: Number.parseInt(longPollId.slice(64), 10),
        held: opts.held ?? (() => false),
        timer: undefined,
        txCheckDue: false,
        finish: (changed) => {
          this.scheduler.clear(waiter.timer);
          this.waiters.delete(waiter);
          signal?.removeEventListener('abort', onAbort);
          resolve(changed);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.armTxCheck(waiter, LONGPOLL_FIRST_TX_CHECK_MS);
      this.evaluate(waiter);
    });
  }

  /** Looks at every waiter again (the tip moved, or a hold was lifted). */
  recheck(): void {
    for (const w of [...this.waiters]) this.evaluate(w);
  }

  /** Ends every wait with false. */
  close(): void {
    this.unsubscribe();
    for (const w of [...this.waiters]) w.finish(false);
  }

  private armTxCheck(w: Waiter, delayMs: number): void {
    w.timer = this.scheduler.setTimeout(() => {
      w.txCheckDue = true;
      this.evaluate(w);
      w.txCheckDue = false;
      if (this.waiters.has(w)) this.armTxCheck(w, LONGPOLL_TX_CHECK_EVERY_MS);
    }, delayMs);
  }

  private evaluate(w: Waiter): void {
    if (w.held()) return;
    const tipMoved = this.sim.tip.hashHex !== w.watchedHash;
    const txsMoved = w.txCheckDue && this.sim.transactionsUpdated !== w.watchedTxUpdates;
    if (tipMoved || txsMoved) w.finish(true);
  }
}
