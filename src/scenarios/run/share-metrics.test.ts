import { describe, expect, it } from 'vitest';
import type { ShareAnswer, ShareRecord } from '../../sim/miners/index.js';
import { shareMetrics } from './share-metrics.js';
import type { TruthRow } from './truth-shares.js';

const ACCEPTED: ShareAnswer = { kind: 'accepted' };
const DUPLICATE: ShareAnswer = { kind: 'rejected', code: 22, message: 'Duplicate share' };

function row(
  farm: string,
  intent: string,
  answer: ShareAnswer,
  sentAtMs: number,
  work = 10n,
): TruthRow {
  const record = {
    minerId: `${farm}-1`,
    intent,
    answer,
    sentAtMs,
    dueAtMs: sentAtMs,
  } as ShareRecord;
  return {
    farm,
    behaviourClass: farm === 'honest' ? 'honest' : 'malicious',
    account: `addr-${farm}`,
    minerKey: `${farm}/0/${farm}-1`,
    record,
    work,
    mustRefuse: intent === 'duplicate',
  };
}

describe('shareMetrics', () => {
  // Arrange: an honest miner with one refusal; a duplicate rig whose originals are accepted.
  const rows = [
    row('honest', 'honest', ACCEPTED, 0),
    row('dupes', 'honest', ACCEPTED, 5_000),
    row('dupes', 'duplicate', DUPLICATE, 5_000),
    row('honest', 'honest', ACCEPTED, 10_000),
    row('honest', 'honest', DUPLICATE, 20_000),
    row('dupes', 'honest', ACCEPTED, 25_000, 30n),
    row('dupes', 'duplicate', DUPLICATE, 25_000),
  ];
  const metrics = shareMetrics({
    rows,
    selections: [
      { selector: undefined, rows },
      { selector: 'honest', rows: rows.filter((r) => r.farm === 'honest') },
      { selector: 'malicious', rows: rows.filter((r) => r.farm === 'dupes') },
    ],
    actual: [
      {
        blockId: 'b',
        feeSats: 1n,
        credits: [
          { account: 'addr-dupes', amountSats: 60n },
          { account: 'addr-honest', amountSats: 39n },
        ],
      },
    ],
    durationMs: 60_000,
    scaleDigits: 2,
  });

  it('reads rejected over the shares a correct pool must refuse, when there are any', () => {
    expect(metrics['rejected(malicious)']).toEqual({ num: 2n, den: 2n });
    expect(metrics['rejected(honest)']).toEqual({ num: 1n, den: 3n });
    expect(metrics['acceptance(malicious)']).toEqual({ num: 2n, den: 4n });
    expect(metrics['shares.submitted']).toBe(7);
  });

  it('shares work and credits out exactly, and reports hashrate in unshrunk units', () => {
    expect(metrics['work_share(malicious)']).toEqual({ num: 40n, den: 60n });
    expect(metrics['payout_share(malicious)']).toEqual({ num: 60n, den: 99n });
    // 20 hashes in 60 s, shrunk by 10^-2: 2000 * 1000 / 60000 H/s.
    expect(metrics['hashrate.effective(honest)']).toEqual({ num: 2_000_000n, den: 60_000n });
    expect(metrics['share_interval.median(honest)']).toBe(10_000);
  });
});
