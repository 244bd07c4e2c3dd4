import type { Scheduler, TimerHandle } from '../../runtime/index.js';
import type { BlockTemplate } from '../core/block/template.js';
import { AsyncQueue } from './async-queue.js';
import { backoffDelayMs, sleep, type BackoffPolicy } from './backoff.js';
import type { ChainNode } from './chain-node.js';

export type TemplateEvent =
  | {
      readonly kind: 'template';
      /** initial: the first one; new-block: the tip moved; refresh: same tip, newer txs/time. */
      readonly reason: 'initial' | 'new-block' | 'refresh';
      readonly template: BlockTemplate;
    }
  /** A node error, reported and retried; the watcher keeps going. */
  | { readonly kind: 'error'; readonly error: unknown; readonly retryInMs: number };

export interface TemplateWatcherOptions {
  readonly node: ChainNode;
  readonly scheduler: Scheduler;
  /** A template is never older than this (new time, new transactions). Default 30 s; 0: never. */
  readonly refreshIntervalMs?: number;
  /** Back-off between failed attempts to reach the node. Default 500 ms doubling to 30 s. */
  readonly backoff?: BackoffPolicy;
}

const DEFAULT_WATCH_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2 };

/**
 * Follows a node's templates: waits for each tip change (nextTemplate: longpoll or polling)
 * and refreshes on an interval. Templates and node errors both arrive as events, to
 * listeners or through `events()`; a listener that throws is a bug and is rethrown outside
 * the watcher, which carries on.
 */
export class TemplateWatcher {
  private readonly listeners = new Set<(event: TemplateEvent) => void>();
  private readonly queues = new Set<AsyncQueue<TemplateEvent>>();
  private latest: BlockTemplate | undefined;
  private stopper: AbortController | undefined;
  private waitAbort: AbortController | undefined;
  private loop: Promise<void> | undefined;
  private refreshTimer: TimerHandle | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(private readonly opts: TemplateWatcherOptions) {}

  /** The newest template seen, if any. */
  get template(): BlockTemplate | undefined {
    return this.latest;
  }

  subscribe(listener: (event: TemplateEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events from now on, until `stop()` or until the consumer breaks out. */
  events(): AsyncIterableIterator<TemplateEvent> {
    const queue: AsyncQueue<TemplateEvent> = new AsyncQueue(() => this.queues.delete(queue));
    this.queues.add(queue);
    return queue;
  }

  start(): void {
    if (this.stopper) throw new Error('TemplateWatcher already started');
    this.stopper = new AbortController();
    this.loop = this.followTip(this.stopper.signal);
    this.armRefresh();
  }

  /** Stops waiting, clears timers and ends every `events()` iterator. */
  async stop(): Promise<void> {
    this.stopper?.abort();
    this.opts.scheduler.clear(this.refreshTimer);
    this.refreshTimer = undefined;
    await this.loop;
    await this.refreshing;
    for (const q of this.queues) q.end();
    this.queues.clear();
  }

  private async followTip(stop: AbortSignal): Promise<void> {
    const policy = this.opts.backoff ?? DEFAULT_WATCH_BACKOFF;
    let failures = 0;
    let resync = true;
    while (!stop.aborted) {
      const wait = new AbortController();
      this.waitAbort = wait;
      const onStop = (): void => wait.abort();
      stop.addEventListener('abort', onStop, { once: true });
      try {
        const current = this.latest;
        // After an error the tip may have moved unseen: start again from a fresh template.
        const next =
          resync || current === undefined
            ? await this.opts.node.getBlockTemplate({ signal: wait.signal })
            : await this.opts.node.nextTemplate(current, { signal: wait.signal });
        failures = 0;
        resync = false;
        this.offer(next, false);
      } catch (error) {
        if (stop.aborted) break;
        // Aborted because a refresh found a newer tip: wait again from that one.
        if (wait.signal.aborted) continue;
        failures++;
        resync = true;
        const retryInMs = backoffDelayMs(failures, policy);
        this.emit({ kind: 'error', error, retryInMs });
        if (!(await sleep(this.opts.scheduler, retryInMs, stop))) break;
      } finally {
        stop.removeEventListener('abort', onStop);
      }
    }
  }

  /**
   * Fetches a template now instead of at the next interval: the pool just found a block, so
   * the tip has moved and miners should get the new work without waiting for the longpoll.
   */
  refreshNow(): void {
    this.armRefresh(0);
  }

  private armRefresh(delayMs?: number): void {
    const intervalMs = this.opts.refreshIntervalMs ?? 30_000;
    const stop = this.stopper?.signal;
    if ((delayMs === undefined && intervalMs <= 0) || !stop || stop.aborted) return;
    this.opts.scheduler.clear(this.refreshTimer);
    this.refreshTimer = this.opts.scheduler.setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.refreshing || stop.aborted) return;
      this.refreshing = this.opts.node
        .getBlockTemplate({ signal: stop })
        .then(
          (t) => this.offer(t, true),
          (error: unknown) => {
            if (stop.aborted) return;
            this.emit({ kind: 'error', error, retryInMs: intervalMs });
            this.armRefresh();
          },
        )
        .finally(() => {
          this.refreshing = undefined;
        });
    }, delayMs ?? intervalMs);
  }

  private offer(t: BlockTemplate, fromRefresh: boolean): void {
    const current = this.latest;
    // An answer that lost a race to one for a later tip.
    if (current && t.height < current.height) return;
    const reason = !current
      ? 'initial'
      : t.prevHashHex !== current.prevHashHex
        ? 'new-block'
        : 'refresh';
    this.latest = t;
    this.emit({ kind: 'template', reason, template: t });
    this.armRefresh();
    // The tip loop is waiting on an older tip; let it wait on this one instead.
    if (fromRefresh && reason === 'new-block') this.waitAbort?.abort();
  }

  private emit(event: TemplateEvent): void {
    for (const q of this.queues) q.push(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}
