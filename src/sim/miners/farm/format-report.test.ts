import { describe, expect, it } from 'vitest';
import { SHA256D_DIFF1 } from '../../../pool/core/difficulty/index.js';
import { FarmCounters, type MetricsSnapshot } from './farm-metrics.js';
import { farmReport } from './farm-report.js';
import { formatFarmReport } from './format-report.js';
import { LatencyHistogram } from './latency-histogram.js';
import { messageShape } from './rejection-groups.js';

function snapshot(over: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return {
    miners: 5,
    connected: 5,
    submitted: 0,
    accepted: 0,
    rejected: {},
    unanswered: 0,
    discarded: 0,
    connectFailures: 0,
    firstConnectError: undefined,
    closed: {},
    withheld: 0,
    blockSolutions: 0,
    lines: 0,
    acceptedWork: 0,
    nominalHashesPerSec: 1,
    realHashes: 0,
    grindMs: 0,
    abandoned: 0,
    lateShares: 0,
    maxLagMs: 0,
    latency: new LatencyHistogram().encode(),
    ...over,
  };
}

const text = (...snapshots: MetricsSnapshot[]): string =>
  formatFarmReport(farmReport('f', 'wire', 1000, snapshots));

describe('rejections in the farm report', () => {
  it('groups by code and message shape: numbers in a foreign pool message are one group', () => {
    // Arrange: what foundation-stratum answers to low-difficulty shares, one value per share
    const counters = new FarmCounters(SHA256D_DIFF1);
    for (const value of ['6.48e-8', '1.2e-7', '0.000031', '17']) {
      counters.share({
        answer: { kind: 'rejected', code: 23, message: `low difficulty share of ${value}` },
        meetsNetworkTarget: false,
        latencyMs: 1,
      } as Parameters<FarmCounters['share']>[0]);
    }
    // Act
    const rejected = Object.fromEntries(counters.rejected);
    // Assert
    expect(rejected).toEqual({ '23 low difficulty share of <n>': 4 });
    expect(messageShape('Job 0x1f not found on sha256d at 12:30')).toBe(
      'Job <n> not found on sha256d at <n>:<n>',
    );
  });

  it('prints counts, largest first, at most 8 lines and the rest summed up', () => {
    // Arrange: 12 kinds of rejection, two of them told apart by a number only
    const rejected: Record<string, number> = {
      '23 low difficulty share of 6.48e-8': 3,
      '23 low difficulty share of 1.2e-7': 2,
    };
    for (let i = 1; i <= 11; i++) rejected[`${i} reason-${String.fromCharCode(96 + i)}`] = 1;
    // Act
    const out = text(snapshot({ submitted: 16, rejected }));
    // Assert
    const lines = out.split('\n').filter((l) => l.startsWith('  rejected'));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('  rejected 5 x 23 low difficulty share of <n>');
    expect(out).toContain('  and 4 more reasons (4 shares, see --json)');
  });
});

describe('connections in the farm report', () => {
  it('prints the first connect error and who closed the sessions, by cause', () => {
    // Arrange: two threads; the earlier failure is the second's
    const a = snapshot({
      connected: 0,
      connectFailures: 3,
      firstConnectError: { atMs: 20, message: 'connect ECONNRESET 127.0.0.1:3333' },
      closed: { 'pool end': 2, 'miner stop': 1 },
    });
    const b = snapshot({
      connected: 0,
      connectFailures: 2,
      firstConnectError: { atMs: 10, message: 'connect ECONNREFUSED 127.0.0.1:3333' },
      closed: { 'pool ECONNRESET': 1, 'pool end': 1 },
    });
    // Act
    const out = text(a, b);
    // Assert
    expect(out).toContain('connect failures: 5, first: connect ECONNREFUSED 127.0.0.1:3333');
    expect(out).toContain(
      'connections closed: by pool 4 (3 end, 1 ECONNRESET); by farm 1 (1 stop)',
    );
  });
});
