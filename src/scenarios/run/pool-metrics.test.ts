import { describe, expect, it } from 'vitest';
import type { FoundBlock } from '../../pool/shares/block-submitter.js';
import type { ShareRecord } from '../../sim/miners/index.js';
import type { ChainRecord } from './chain-watch.js';
import { blockCounts } from './pool-metrics.js';
import type { TruthRow } from './truth-shares.js';

/** A block candidate as a miner recorded it: accepted, meeting the network target. */
function candidate(minerId: string, jobId: string, sentAtMs: number): TruthRow {
  const record = {
    minerId,
    jobId,
    intent: 'honest',
    answer: { kind: 'accepted' },
    meetsNetworkTarget: true,
    sentAtMs,
    dueAtMs: sentAtMs,
  } as ShareRecord;
  return {
    farm: 'asics',
    behaviourClass: 'honest',
    account: 'addr',
    minerKey: `asics/0/${minerId}`,
    record,
    work: 4n,
    shrinkDigits: 0,
    mustRefuse: false,
  };
}

/** The pool's submission of a block it found. */
function found(
  worker: string,
  jobId: string,
  foundAtMs: number,
  result: FoundBlock['result'],
): FoundBlock {
  return {
    network: 'btc',
    height: 1,
    blockHash: '00',
    jobId,
    address: 'addr',
    worker,
    foundAtMs,
    submittedAtMs: foundAtMs,
    rewardSats: 1n,
    result,
  } as FoundBlock;
}

const CHAIN: ChainRecord = {
  acceptedPoolBlocks: [],
  receivedPoolBlocks: new Set(),
  networkWork: [],
};

describe('blockCounts', () => {
  it('matches a candidate to its submission when the miner names an alias of the pool job', () => {
    // Arrange: after a difficulty change the session was sent job '1ae' again as '1af'
    const rows = [candidate('asics-23', '1af', 1_780_388)];
    const submitted = [found('asics-23', '1ae', 1_780_388, { kind: 'accepted' })];
    // Act
    const counts = blockCounts(rows, submitted, CHAIN, new Set());
    // Assert
    expect(counts).toMatchObject({ found: 1, lost: 0 });
  });

  it('counts as lost a block the node never answered, and one never submitted', () => {
    // Arrange: one submitted while the daemon was down, one with no submission at all
    const rows = [candidate('a-1', 'j1', 1_000), candidate('a-2', 'j2', 2_000)];
    const submitted = [
      found('a-1', 'j1', 1_000, { kind: 'error', code: -1, message: 'unreachable' }),
    ];
    // Act
    const counts = blockCounts(rows, submitted, CHAIN, new Set());
    // Assert
    expect(counts).toMatchObject({ found: 2, lost: 2 });
  });

  it('matches one submission to one candidate only', () => {
    // Arrange: two candidates of one worker at one instant, one submission
    const rows = [candidate('a-1', 'j1', 1_000), candidate('a-1', 'j1', 1_000)];
    const submitted = [found('a-1', 'j1', 1_000, { kind: 'accepted' })];
    // Act / Assert
    expect(blockCounts(rows, submitted, CHAIN, new Set()).lost).toBe(1);
  });
});
