import { afterEach, describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import type { BlockTemplate } from '../core/block/template.js';
import type { ChainNode } from './chain-node.js';
import { JsonRpcClient } from './json-rpc-client.js';
import { rpcError } from './rpc-errors.js';
import { RpcChainNode, TEMPLATE_RULES } from './rpc-chain-node.js';
import { FakeBitcoind, type FakeBitcoindOptions } from './testing/fake-bitcoind.js';
import { TemplateWatcher, type TemplateEvent } from './template-watcher.js';

describe('TemplateWatcher', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(
    fakeOpts: FakeBitcoindOptions = {},
    watch: { refreshIntervalMs?: number; pollIntervalMs?: number } = {},
  ): Promise<{
    fake: FakeBitcoind;
    watcher: TemplateWatcher;
    vt: VirtualTime;
    events: TemplateEvent[];
  }> {
    const fake = await FakeBitcoind.start(fakeOpts);
    cleanups.push(() => fake.close());
    const vt = new VirtualTime(0);
    const client = new JsonRpcClient({
      url: fake.url,
      scheduler: vt,
      retries: 0,
      timeoutMs: 600_000,
    });
    const node = new RpcChainNode({
      client,
      scheduler: vt,
      rules: TEMPLATE_RULES.litecoin,
      pollIntervalMs: watch.pollIntervalMs ?? 1_000,
    });
    cleanups.push(() => node.close());
    const watcher = new TemplateWatcher({
      node,
      scheduler: vt,
      refreshIntervalMs: watch.refreshIntervalMs ?? 30_000,
      backoff: { initialMs: 100, maxMs: 400, factor: 2 },
    });
    const events: TemplateEvent[] = [];
    watcher.subscribe((e) => events.push(e));
    cleanups.push(() => watcher.stop());
    return { fake, watcher, vt, events };
  }

  /** Advances virtual time a turn at a time until `done()` holds. */
  async function until(vt: VirtualTime, done: () => boolean, maxTurns = 100_000): Promise<void> {
    for (let i = 0; i < maxTurns && !done(); i++) await vt.advanceBy(1);
    if (!done()) throw new Error('condition never held');
  }

  const templates = (events: TemplateEvent[]): [string, number][] =>
    events.flatMap((e) =>
      e.kind === 'template' ? [[e.reason, e.template.height] as [string, number]] : [],
    );

  it('emits the first template, then a new one when a block is mined (longpoll)', async () => {
    // Arrange
    const { fake, watcher, vt, events } = await setup();
    // Act
    watcher.start();
    await until(vt, () => events.length === 1);
    await fake.waitForCalls('getblocktemplate', 2);
    fake.mineBlock();
    await until(vt, () => events.length === 2);
    // Assert
    expect(templates(events)).toEqual([
      ['initial', 102],
      ['new-block', 103],
    ]);
    expect(watcher.template?.prevHashHex).toBe(fake.chain.tip.hash);
  });

  it('refreshes at the interval with the same tip', async () => {
    const { watcher, vt, events } = await setup({}, { refreshIntervalMs: 10_000 });
    watcher.start();
    await until(vt, () => events.length === 2);
    expect(templates(events)).toEqual([
      ['initial', 102],
      ['refresh', 102],
    ]);
    expect(vt.nowMs()).toBeGreaterThanOrEqual(10_000);
  });

  it('reports node errors as events with growing back-off, and recovers', async () => {
    // Arrange
    const { fake, watcher, vt, events } = await setup({}, { refreshIntervalMs: 0 });
    fake.mode = 'down';
    // Act
    watcher.start();
    await until(vt, () => events.length === 4);
    fake.mode = 'normal';
    await until(vt, () => events.some((e) => e.kind === 'template'));
    // Assert
    const errors = events.filter((e) => e.kind === 'error');
    expect(errors.slice(0, 4).map((e) => e.retryInMs)).toEqual([100, 200, 400, 400]);
    expect(
      errors.every(
        (e) => e.kind === 'error' && (e.error as { code?: string }).code === 'RPC_UNREACHABLE',
      ),
    ).toBe(true);
    expect(templates(events)).toEqual([['initial', 102]]);
  });

  it('lets a refresh that finds a new tip restart a slow poll', async () => {
    // Arrange: a daemon without longpoll and a poll far slower than the refresh.
    const { fake, watcher, vt, events } = await setup(
      { longPoll: false },
      { refreshIntervalMs: 1_000, pollIntervalMs: 3_600_000 },
    );
    watcher.start();
    await until(vt, () => events.length === 1);
    // Act
    fake.mineBlock();
    await until(vt, () => templates(events).some(([reason]) => reason === 'new-block'));
    fake.mineBlock();
    await until(
      vt,
      () => templates(events).filter(([reason]) => reason === 'new-block').length === 2,
    );
    // Assert
    expect(templates(events).filter(([r]) => r !== 'refresh')).toEqual([
      ['initial', 102],
      ['new-block', 103],
      ['new-block', 104],
    ]);
    expect(vt.nowMs()).toBeLessThan(3_600_000);
  });

  it('ends events() on stop and leaves no timer behind', async () => {
    // Arrange
    const { fake, watcher, vt } = await setup();
    const seen: TemplateEvent[] = [];
    const iterator = watcher.events();
    const consumed = (async () => {
      for await (const e of iterator) seen.push(e);
    })();
    // Act
    watcher.start();
    await until(vt, () => seen.length === 1);
    await fake.waitForCalls('getblocktemplate', 2);
    await watcher.stop();
    await consumed;
    // Assert
    expect(seen.map((e) => e.kind)).toEqual(['template']);
    expect(vt.pending).toBe(0);
  });

  it('drops a late answer for an older tip that lost the race', async () => {
    // Arrange: a scripted node whose answers the test releases in any order.
    const vt = new VirtualTime(0);
    const node = new ScriptedNode();
    const watcher = new TemplateWatcher({ node, scheduler: vt, refreshIntervalMs: 1_000 });
    const events: TemplateEvent[] = [];
    watcher.subscribe((e) => events.push(e));
    cleanups.push(() => watcher.stop());
    watcher.start();
    node.answerTemplate(template(10, 'a'));
    await until(vt, () => events.length === 1);
    await vt.advanceBy(1_000);
    // Act: the refresh asked first but answers last, for the old tip.
    node.answerNext(template(11, 'b'));
    await until(vt, () => events.length === 2);
    node.answerTemplate(template(10, 'a'));
    await vt.advanceBy(1);
    // Assert
    expect(templates(events)).toEqual([
      ['initial', 10],
      ['new-block', 11],
    ]);
  });
});

function template(height: number, prev: string): BlockTemplate {
  return { height, prevHashHex: prev.repeat(64) } as unknown as BlockTemplate;
}

/** A ChainNode whose template answers the test hands out one at a time. */
class ScriptedNode implements ChainNode {
  private templates: ((t: BlockTemplate) => void)[] = [];
  private nexts: ((t: BlockTemplate) => void)[] = [];

  answerTemplate(t: BlockTemplate): void {
    this.templates.shift()?.(t);
  }

  answerNext(t: BlockTemplate): void {
    this.nexts.shift()?.(t);
  }

  getBlockTemplate(request?: { signal?: AbortSignal }): Promise<BlockTemplate> {
    return this.pending(this.templates, request?.signal);
  }

  nextTemplate(_after: BlockTemplate, options?: { signal?: AbortSignal }): Promise<BlockTemplate> {
    return this.pending(this.nexts, options?.signal);
  }

  private pending(
    list: ((t: BlockTemplate) => void)[],
    signal?: AbortSignal,
  ): Promise<BlockTemplate> {
    return new Promise((resolve, reject) => {
      list.push(resolve);
      signal?.addEventListener('abort', () => reject(rpcError('RPC_ABORTED', 'aborted')), {
        once: true,
      });
    });
  }

  submitBlock = unused;
  proposeBlock = unused;
  getBestBlock = unused;
  getBlockHash = unused;
  getBlock = unused;
  getBlockchainInfo = unused;
  validateAddress = unused;
  getBalance = unused;
  sendMany = unused;
  close = (): Promise<void> => Promise.resolve();
}

function unused(): never {
  throw new Error('not used by the watcher');
}
