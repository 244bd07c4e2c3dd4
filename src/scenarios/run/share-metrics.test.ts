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
  shrinkDigits = 2,
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
    shrinkDigits,
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
    // A correct pool would have paid the rig 10 sats less (say a cheating share was credited).
    fair: [
      {
        blockId: 'b',
        rewardSats: 100n,
        feeSats: 1n,
        credits: new Map([
          ['addr-dupes', 50n],
          ['addr-honest', 49n],
        ]),
      },
    ],
    durationMs: 60_000,
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

  it('measures payout_excess against what a correct pool pays, in sats, either way', () => {
    expect(metrics['payout_excess(malicious)']).toBe(10n);
    expect(metrics['payout_excess(honest)']).toBe(-10n);
    expect(metrics['payout_excess']).toBe(0n);
  });

  it('unshrinks each share by its own miner digits: a boosted miner counts as its hardware', () => {
    // Arrange: one share of 10 hashes shrunk by 10^-2, one of 10 hashes shrunk by 10^-6
    const mixed = [
      row('honest', 'honest', ACCEPTED, 0, 10n, 2),
      row('dupes', 'honest', ACCEPTED, 0, 10n, 6),
    ];
    // Act
    const m = shareMetrics({
      rows: mixed,
      selections: [{ selector: undefined, rows: mixed }],
      actual: [],
      fair: [],
      durationMs: 1_000,
    });
    // Assert: (10 * 10^2 + 10 * 10^6) hashes in one second
    expect(m['hashrate.effective']).toEqual({ num: 10_001_000n * 1000n, den: 1_000n });
    expect(m['payout_excess']).toBe(0n);
  });
});
