import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../../runtime/index.js';
import { decodeBlock } from '../core/block/block-decode.js';
import { headerForShare } from '../core/block/job.js';
import { sha256d } from '../core/hash.js';
import { jobFrom, vectorTemplate } from '../core/shares/share.fixtures.js';
import type { ChainNode, SubmitResult } from '../node/chain-node.js';
import type { BlockCandidate } from '../stratum/ports.js';
import { BlockSubmitter, type FoundBlock } from './block-submitter.js';

const template = vectorTemplate('litecoind-0.21-h102.json');
const job = jobFrom(template);

function candidate(): BlockCandidate {
  const built = headerForShare(
    job,
    Buffer.alloc(4, 1),
    Buffer.alloc(4, 2),
    template.curTime,
    7,
    job.version,
  );
  return {
    network: 'ltc',
    jobId: 'j1',
    job,
    header: built.header,
    coinbase: built.coinbase,
    blockHash: sha256d(built.header),
    address: 'addr',
    worker: 'rig',
    timeMs: 1000,
  };
}

function submitterWith(answer: () => Promise<SubmitResult>) {
  const sent: string[] = [];
  const node = { submitBlock: (hex: string) => (sent.push(hex), answer()) } as unknown as ChainNode;
  const found: FoundBlock[] = [];
  const s = new BlockSubmitter({
    node,
    clock: new VirtualTime(5000),
    logger: pino({ level: 'silent' }),
    onResult: (f) => found.push(f),
  });
  return { s, sent, found };
}

describe('BlockSubmitter', () => {
  it('assembles the full block (witness coinbase, template transactions) and records the answer', async () => {
    // Arrange
    const { s, sent, found } = submitterWith(() => Promise.resolve({ kind: 'accepted' }));
    // Act
    const result = await s.submit(candidate());
    // Assert
    const decoded = decodeBlock(Buffer.from(sent[0]!, 'hex'));
    expect(decoded.ok).toBe(true);
    if (decoded.ok)
      expect(decoded.block.transactions).toHaveLength(1 + template.transactions.length);
    expect(result.result).toEqual({ kind: 'accepted' });
    expect(result.height).toBe(template.height);
    expect(result.rewardSats).toBe(template.coinbaseValueSats);
    expect(result.submittedAtMs).toBe(5000);
    expect(found).toEqual([result]);
  });

  it('records a rejection and a daemon that does not answer, without throwing', async () => {
    const rejected = submitterWith(() =>
      Promise.resolve({ kind: 'rejected', reason: 'inconclusive' }),
    );
    expect((await rejected.s.submit(candidate())).result).toEqual({
      kind: 'rejected',
      reason: 'inconclusive',
    });
    const down = submitterWith(() => Promise.reject(new Error('RPC_UNREACHABLE: refused')));
    const r = await down.s.submit(candidate());
    expect(r.result).toMatchObject({ kind: 'error', message: 'RPC_UNREACHABLE: refused' });
    expect(down.found).toHaveLength(1);
  });

  describe('while the daemon cannot take the block', () => {
    function flaky(script: (SubmitResult | Error)[], chain: () => string | undefined) {
      const vt = new VirtualTime(5000);
      const sent: string[] = [];
      const node = {
        submitBlock: (hex: string) => {
          sent.push(hex);
          const next = script.shift() ?? { kind: 'accepted' };
          return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
        },
        getBlockHash: () => Promise.resolve(chain()),
      } as unknown as ChainNode;
      const found: FoundBlock[] = [];
      const s = new BlockSubmitter({
        node,
        clock: vt,
        scheduler: vt,
        logger: pino({ level: 'silent' }),
        onResult: (f) => found.push(f),
        retry: { initialMs: 1_000, maxMs: 4_000, giveUpMs: 60_000 },
      });
      return { s, vt, sent, found };
    }

    it('submits again with back-off until the daemon answers, and reports once', async () => {
      // Arrange: down twice (no answer, then warming up), then it takes the block
      const down = new Error('RPC_UNREACHABLE: connect ECONNREFUSED');
      const warmup: SubmitResult = { kind: 'error', code: -28, message: 'Loading block index...' };
      const { s, vt, sent, found } = flaky([down, warmup], () => undefined);
      // Act
      const pending = s.submit(candidate());
      await vt.advanceBy(0); // the first answer, and the wait it starts
      await vt.advanceBy(1_000);
      const afterOne = sent.length;
      await vt.advanceBy(2_000);
      const result = await pending;
      // Assert
      expect(afterOne).toBe(2);
      expect(sent).toHaveLength(3);
      expect(new Set(sent).size).toBe(1);
      expect(result.result).toEqual({ kind: 'accepted' });
      expect(found).toEqual([result]);
    });

    it('stops when the chain moved past its height: stale, or taken by another daemon', async () => {
      const down = () => new Error('RPC_UNREACHABLE');
      const other = 'ab'.repeat(32);
      const lost = flaky([down(), down(), down()], () => other);
      const p1 = lost.s.submit(candidate());
      await lost.vt.advanceBy(0); // the first answer, and the wait it starts
      await lost.vt.advanceBy(1_000);
      expect((await p1).result).toEqual({
        kind: 'rejected',
        reason: `stale: the chain has ${other} at height ${template.height}`,
      });
      expect(lost.sent).toHaveLength(1);
      const ours = flaky([down(), down()], () => undefined);
      const p2 = ours.s.submit(candidate());
      await ours.vt.advanceBy(0); // the first answer, and the wait it starts
      const hash = Buffer.from(candidate().blockHash).reverse().toString('hex');
      await ours.vt.advanceBy(1_000);
      expect(ours.sent).toHaveLength(2);
      const taken = flaky([down()], () => hash);
      const p3 = taken.s.submit(candidate());
      await taken.vt.advanceBy(0); // the first answer, and the wait it starts
      await taken.vt.advanceBy(1_000);
      expect((await p3).result).toEqual({ kind: 'accepted' });
      ours.s.close();
      expect((await p2).result).toMatchObject({ kind: 'error', code: -1 });
    });

    it('never retries a verdict, nor after giving up', async () => {
      const decode: SubmitResult = { kind: 'error', code: -22, message: 'Block decode failed' };
      const verdict = flaky([decode], () => undefined);
      expect((await verdict.s.submit(candidate())).result).toEqual(decode);
      expect(verdict.sent).toHaveLength(1);
      const forever = flaky(
        Array.from({ length: 100 }, () => new Error('RPC_UNREACHABLE')),
        () => undefined,
      );
      const p = forever.s.submit(candidate());
      await forever.vt.advanceBy(0); // the first answer, and the wait it starts
      await forever.vt.advanceBy(70_000);
      expect((await p).result).toMatchObject({ kind: 'error', code: -1 });
      expect(forever.sent.length).toBeLessThan(25);
      expect(forever.s.retrying).toBe(0);
    });
  });
});
