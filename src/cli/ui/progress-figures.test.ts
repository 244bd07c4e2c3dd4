import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../scenarios/run/progress.js';
import {
  acceptanceByClass,
  blockTotals,
  gateCounts,
  payoutsText,
  payoutsTone,
  rejectedBreakdown,
  runVerdict,
  simulatedFraction,
  splitGate,
} from './progress-figures.js';
import { sampleProgress } from './run-progress.fixtures.js';

describe('acceptanceByClass', () => {
  it('sums the farms of each class, honest first, classes without farms left out', () => {
    const classes = acceptanceByClass(sampleProgress().farms);
    expect(classes).toEqual([
      {
        behaviourClass: 'honest',
        submitted: 129_000,
        accepted: 128_271,
        acceptance: 128_271 / 129_000,
      },
      { behaviourClass: 'malicious', submitted: 4000, accepted: 0, acceptance: 0 },
    ]);
  });

  it('is NaN for a class that has not submitted yet', () => {
    const [farm] = sampleProgress().farms;
    if (farm === undefined) throw new Error('fixture has farms');
    const idle = { ...farm, behaviourClass: 'strategic' as const, submitted: 0, accepted: 0 };
    expect(acceptanceByClass([idle])[0]?.acceptance).toBeNaN();
  });
});

describe('gates', () => {
  it('counts gates by status', () => {
    expect(gateCounts(sampleProgress().gates)).toEqual({ passed: 1, failed: 1, pending: 1 });
  });

  it.each<[RunProgress['phase'], RunProgress['gates'], string]>([
    ['running', [{ expression: 'a >= 1', status: 'failed' }], 'running'],
    ['done', [{ expression: 'a >= 1', status: 'passed' }], 'passed'],
    ['done', [], 'passed'],
    ['done', [{ expression: 'a >= 1', status: 'failed' }], 'failed'],
    // Never judged is not passed.
    ['done', [{ expression: 'a >= 1', status: 'pending' }], 'failed'],
  ])('phase %s with gates %j -> %s', (phase, gates, verdict) => {
    expect(runVerdict({ ...sampleProgress(), phase, gates })).toBe(verdict);
  });

  it.each([
    ['acceptance(honest) >= 0.98', 'acceptance(honest)', '>= 0.98'],
    ['submit_latency.p99 < 25ms', 'submit_latency.p99', '< 25ms'],
    ['  payout_error == 0 ', 'payout_error', '== 0'],
    ['blocks.found >= blocks.accepted + 1', 'blocks.found', '>= blocks.accepted + 1'],
    ['not a gate', 'not a gate', ''],
  ])('splitGate(%j) -> %j %j', (expression, metric, threshold) => {
    expect(splitGate(expression)).toEqual({ metric, threshold });
  });
});

describe('farms and blocks', () => {
  it('lists rejections most first, ties by name, zero counts left out', () => {
    expect(rejectedBreakdown({ 'stale-job': 9, duplicate: 3990, 'low-difficulty': 9, x: 0 })).toBe(
      'duplicate 3,990, low-difficulty 9, stale-job 9',
    );
    expect(rejectedBreakdown({})).toBe('');
  });

  it('sums blocks over networks', () => {
    expect(blockTotals(sampleProgress())).toEqual({ found: 24, accepted: 23, orphaned: 1 });
  });

  it.each([
    [0, 21_600_000, 0],
    [3_600_000, 21_600_000, 1 / 6],
    [30_000_000, 21_600_000, 1],
    [5, 0, 0],
  ])('simulated %d of %d -> %d', (simulatedMs, durationMs, fraction) => {
    const progress = sampleProgress();
    const clock = { ...progress.clock, simulatedMs, durationMs };
    expect(simulatedFraction({ ...progress, clock })).toBeCloseTo(fraction, 12);
  });
});

describe('payouts', () => {
  it.each<[boolean | undefined, string, string, 'ok' | 'bad' | 'pending']>([
    [true, '0', 'payouts verified: 12 blocks, largest error 0 sats', 'ok'],
    [true, '35', 'payouts verified: 12 blocks, largest error 35 sats', 'bad'],
    [false, '0', 'payouts NOT verified: 12 blocks, largest error 0 sats', 'bad'],
    [undefined, '0', 'payouts not yet verified: 12 blocks, largest error 0 sats', 'pending'],
    [undefined, '1200', 'payouts not yet verified: 12 blocks, largest error 1,200 sats', 'bad'],
  ])('verified %s, error %s -> %j (%s)', (verified, largestErrorSats, text, tone) => {
    const progress = {
      ...sampleProgress(),
      payouts: { blocksPaid: 12, largestErrorSats, verified },
    };
    expect(payoutsText(progress)).toBe(text);
    expect(payoutsTone(progress)).toBe(tone);
  });

  it('says one block, not one blocks', () => {
    const progress = {
      ...sampleProgress(),
      payouts: { blocksPaid: 1, largestErrorSats: '1', verified: true },
    };
    expect(payoutsText(progress)).toBe('payouts verified: 1 block, largest error 1 sat');
  });
});
