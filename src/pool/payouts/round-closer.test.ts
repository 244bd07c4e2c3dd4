import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { splitPplns } from '../core/payouts/split.js';
import { selectWindow, windowWorkFor, type PplnsShare } from '../core/payouts/window.js';
import type { BlockRepository } from '../store/books/block-repository.js';
import type { Store } from '../store/index.js';
import {
  T0,
  WARN,
  balances,
  capture,
  freshNetwork,
  hashOf,
  usePgliteStore,
  writeShares,
  type ShareSpec,
} from './payouts.fixtures.js';
import { RoundCloser, type AcceptedBlock, type RoundSettings } from './round-closer.js';

const store = usePgliteStore();
let blockNo = 0;

function closerFor(
  network: string,
  settings: Partial<RoundSettings> = {},
  over: { store?: Pick<Store, 'sql' | 'blocks' | 'shares'>; vt?: VirtualTime } = {},
) {
  const vt = over.vt ?? new VirtualTime(T0 + 1_000);
  const { logger, lines } = capture();
  const closer = new RoundCloser({
    network,
    store: over.store ?? store(),
    settings: { feeBps: 100, window: { num: 2n, den: 1n }, blockShareWaitMs: 60_000, ...settings },
    currentNetworkWork: () => Promise.resolve(1_000n),
    clock: vt,
    logger,
  });
  return { closer, vt, lines };
}

function accepted(network: string, over: Partial<AcceptedBlock> = {}): AcceptedBlock {
  blockNo++;
  return {
    network,
    hash: hashOf(0xb10c0000 + blockNo),
    height: 200 + blockNo,
    rewardSats: 5_000_000_000n,
    foundByAddress: 'alice',
    foundByWorker: 'rig',
    foundMs: T0 + 500,
    networkWork: 100n,
    ...over,
  };
}

async function creditsOf(network: string, hash: string): Promise<Map<string, bigint>> {
  const credits = await store().blocks.credits(network, hash);
  return new Map(credits.map((c) => [c.account, c.amountSats]));
}

describe('RoundCloser', () => {
  it('property: credits are exactly splitPplns of the window ending at the block share', async () => {
    const shareArb = fc.record({
      account: fc.constantFrom('alice', 'bob', 'carol', 'dave', 'erin'),
      work: fc.oneof(fc.bigInt({ min: 1n, max: 4n }), fc.bigInt({ min: 1n, max: 1n << 48n })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(shareArb, { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.array(shareArb, { maxLength: 5 }),
        fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 1n << 64n })),
        fc.integer({ min: 0, max: 10_000 }),
        fc.record({ num: fc.bigInt({ min: 1n, max: 4n }), den: fc.bigInt({ min: 1n, max: 3n }) }),
        fc.oneof(fc.bigInt({ min: 1n, max: 20n }), fc.bigInt({ min: 1n, max: 1n << 50n })),
        async (before, finderPick, after, rewardSats, feeBps, window, networkWork) => {
          // Arrange: the block share is the last of `before`; `after` comes later in the log.
          const network = await freshNetwork(store(), 'prop');
          const finder = before[finderPick % before.length]!.account;
          const specs: ShareSpec[] = [
            ...before.map((s, i) => ({ ...s, timeMs: T0 + i })),
            ...after.map((s, i) => ({ ...s, timeMs: T0 + before.length + i })),
          ];
          const blockIndex = before.length - 1;
          specs[blockIndex] = {
            ...before[blockIndex]!,
            account: finder,
            timeMs: T0 + blockIndex,
            verdict: 'block',
          };
          const ids = await writeShares(store(), network, specs);
          const block = accepted(network, {
            rewardSats,
            networkWork,
            foundByAddress: finder,
            foundMs: T0 + blockIndex,
          });
          const { closer } = closerFor(network, { feeBps, window });

          // Act
          const outcome = await closer.blockAccepted(block);

          // Assert
          const newestFirst: PplnsShare[] = specs
            .slice(0, blockIndex + 1)
            .reverse()
            .map((s) => ({ account: s.account, work: s.work }));
          const expected = splitPplns(
            selectWindow(newestFirst, windowWorkFor(networkWork, window)),
            rewardSats,
            feeBps,
          );
          expect(outcome).toMatchObject({
            kind: 'credited',
            endedAt: 'block-share',
            endShareId: ids[blockIndex],
          });
          const credits = await creditsOf(network, block.hash);
          expect(credits).toEqual(new Map(expected.credits.map((c) => [c.account, c.amountSats])));
          const sum = [...credits.values()].reduce((s, x) => s + x, 0n);
          expect(sum + expected.feeSats).toBe(rewardSats);
          const record = await store().blocks.get(network, block.hash);
          expect(record?.round).toMatchObject({
            endShareId: ids[blockIndex],
            feeSats: expected.feeSats,
          });
          expect(record?.status).toBe('pending');
        },
      ),
      { numRuns: 20 },
    );
  }, 60_000);

  it('is idempotent: the same block twice, a rerun and a restarted closer credit once', async () => {
    // Arrange
    const network = await freshNetwork(store(), 'idem');
    const block = accepted(network);
    await writeShares(store(), network, [
      { account: 'bob', work: 30n, timeMs: T0 },
      { account: 'alice', work: 10n, timeMs: block.foundMs, verdict: 'block' },
    ]);
    const { closer } = closerFor(network);

    // Act
    const first = await closer.blockAccepted(block);
    const second = await closer.blockAccepted(block);
    const rerun = await closer.runOnce();
    const restarted = await closerFor(network).closer.runOnce();

    // Assert: fee 1% of 5e9 = 5e7; net 4.95e9 split 10:30 over a window of 200 work.
    expect(first).toMatchObject({
      kind: 'credited',
      creditedSats: 4_950_000_000n,
      feeSats: 50_000_000n,
    });
    expect(second).toEqual({ kind: 'already-credited', hash: block.hash });
    expect(rerun).toEqual([]);
    expect(restarted).toEqual([]);
    expect(await balances(store(), network)).toEqual({
      alice: [1_237_500_000n, 0n, 0n, 0n],
      bob: [3_712_500_000n, 0n, 0n, 0n],
    });
  });

  it('waits for a block share logged after the answer, and later shares never enter the round', async () => {
    // Arrange: the daemon answers before the ledger has written the block's share.
    const network = await freshNetwork(store(), 'late');
    const block = accepted(network);
    await writeShares(store(), network, [{ account: 'bob', work: 50n, timeMs: T0 }]);
    const { closer, vt } = closerFor(network);

    // Act
    const early = await closer.blockAccepted(block);
    await writeShares(store(), network, [
      { account: 'alice', work: 50n, timeMs: block.foundMs, verdict: 'block' },
      { account: 'carol', work: 1_000n, timeMs: block.foundMs + 1 },
    ]);
    await vt.advanceBy(5);
    const closed = await closer.runOnce();

    // Assert
    expect(early).toEqual({
      kind: 'waiting-for-share',
      hash: block.hash,
      untilMs: block.foundMs + 60_000,
    });
    expect(closed).toMatchObject([{ kind: 'credited', endedAt: 'block-share', shareCount: 2 }]);
    expect(await creditsOf(network, block.hash)).toEqual(
      new Map([
        ['alice', 2_475_000_000n],
        ['bob', 2_475_000_000n],
      ]),
    );
  });

  it('ends the round by time when the block share never reaches the log, and says so', async () => {
    // Arrange
    const network = await freshNetwork(store(), 'lost');
    const block = accepted(network);
    await writeShares(store(), network, [
      { account: 'bob', work: 10n, timeMs: T0 },
      { account: 'carol', work: 10n, timeMs: block.foundMs },
      { account: 'dave', work: 10n, timeMs: block.foundMs + 1 },
    ]);
    const { closer, vt, lines } = closerFor(network, { feeBps: 0 });

    // Act
    const waiting = await closer.blockAccepted(block);
    await vt.advanceTo(block.foundMs + 60_000);
    const closed = await closer.runOnce();

    // Assert
    expect(waiting.kind).toBe('waiting-for-share');
    expect(closed).toMatchObject([{ kind: 'credited', endedAt: 'time', shareCount: 2 }]);
    expect(await creditsOf(network, block.hash)).toEqual(
      new Map([
        ['bob', 2_500_000_000n],
        ['carol', 2_500_000_000n],
      ]),
    );
    expect(lines.some((l) => l.level === WARN && l.msg.includes('round ends by time'))).toBe(true);
  });

  it('gives the whole reward to the pool when there are no shares at all', async () => {
    const network = await freshNetwork(store(), 'empty');
    const block = accepted(network);
    const { closer, vt } = closerFor(network);
    await vt.advanceTo(block.foundMs + 60_000);
    expect(await closer.blockAccepted(block)).toMatchObject({
      kind: 'credited',
      endedAt: 'no-shares',
      credits: 0,
      feeSats: block.rewardSats,
    });
  });

  it('closes a round left open by a crashed process, sizing the window at the current work', async () => {
    // Arrange: the first process recorded the block and died before its share was logged.
    const network = await freshNetwork(store(), 'restart');
    const block = accepted(network, { networkWork: 1n });
    expect((await closerFor(network).closer.blockAccepted(block)).kind).toBe('waiting-for-share');
    await writeShares(store(), network, [
      ...Array.from({ length: 20 }, (_, i) => ({ account: 'bob', work: 100n, timeMs: T0 + i })),
      { account: 'alice', work: 100n, timeMs: block.foundMs, verdict: 'block' as const },
    ]);

    // Act: a new closer knows nothing of the block; currentNetworkWork answers 1000.
    const { closer, lines } = closerFor(network);
    const closed = await closer.runOnce();

    // Assert: window 2 x 1000 = 2000 work: alice's 100 and 19 of bob's shares.
    expect(closed).toMatchObject([{ kind: 'credited', windowWork: 2000n, shareCount: 20 }]);
    expect(lines.some((l) => l.level === WARN && l.msg.includes('difficulty unknown'))).toBe(true);
  });

  it('keeps a block the database refused and records and credits it on the next step', async () => {
    // Arrange
    const network = await freshNetwork(store(), 'dbdown');
    const block = accepted(network);
    await writeShares(store(), network, [
      { account: 'alice', work: 10n, timeMs: block.foundMs, verdict: 'block' },
    ]);
    let down = true;
    const real = store().blocks;
    const blocks = Object.assign(Object.create(real) as BlockRepository, {
      recordFound: (b: AcceptedBlock) =>
        down ? Promise.reject(new Error('injected: connection refused')) : real.recordFound(b),
    });
    const { closer } = closerFor(network, {}, { store: { ...store(), blocks } });

    // Act
    const refused = await closer.blockAccepted(block);
    down = false;
    const retried = await closer.runOnce();

    // Assert
    expect(refused).toMatchObject({
      kind: 'deferred',
      error: { message: 'injected: connection refused' },
    });
    expect(await store().blocks.get(network, block.hash)).toMatchObject({ status: 'pending' });
    expect(retried).toMatchObject([{ kind: 'credited', creditedSats: 4_950_000_000n }]);
  });

  it('refuses a block of another network and bad settings', async () => {
    const { closer } = closerFor('ltc');
    await expect(closer.blockAccepted(accepted('btc'))).rejects.toThrow('PAYOUTS_CONFIG');
    expect(() => closerFor('ltc', { feeBps: 10_001 })).toThrow('PAYOUTS_CONFIG');
    expect(() => closerFor('ltc', { window: { num: 0n, den: 1n } })).toThrow('PAYOUTS_CONFIG');
  });
});
