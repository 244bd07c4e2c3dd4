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
});
