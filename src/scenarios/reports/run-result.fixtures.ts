import type { RunResult } from './run-result.js';

/** A complete, plausible result of a protocol run with one failed gate. */
export function sampleRunResult(): RunResult {
  return {
    runId: 'demo-42-0001',
    scenario: { name: 'demo', description: 'An hour of a pool, with cheaters', file: 'scenarios/demo.yaml' },
    seed: 42,
    fidelity: 'wire',
    durationMs: 3_600_000,
    passed: false,
    gates: [
      {
        expression: 'acceptance(honest) >= 0.98',
        passed: true,
        actual: '0.9931',
        threshold: '>= 0.98',
        message: 'passed: actual 0.9931, threshold >= 0.98',
      },
      {
        expression: 'submit_latency.p99 < 25ms',
        passed: false,
        actual: '31.5ms',
        threshold: '< 25ms',
        message: 'failed: actual 31.5ms, threshold < 25ms',
      },
      {
        expression: 'lost_shares == 0',
        passed: false,
        actual: null,
        threshold: null,
        message: 'failed: metric lost_shares was not measured by this run',
      },
    ],
    farms: [
      {
        farm: 'asics',
        behaviour: 'honest',
        behaviourClass: 'honest',
        miners: 4,
        submitted: 1440,
        accepted: 1431,
        rejected: { 'stale-job': 9 },
      },
      {
        farm: 'cheaters',
        behaviour: 'duplicate-shares',
        behaviourClass: 'malicious',
        miners: 2,
        submitted: 700,
        accepted: 0,
        rejected: { duplicate: 690, 'low-difficulty': 10 },
      },
    ],
    latencyMs: {
      p50: 1.2,
      p95: 9.8,
      p99: 31.5,
      max: 120,
      histogram: [
        { upToMs: 1, count: 700 },
        { upToMs: 5, count: 1200 },
        { upToMs: 25, count: 200 },
        { upToMs: Number.POSITIVE_INFINITY, count: 40 },
      ],
    },
    blocks: { found: 3, accepted: 3, orphaned: 1 },
    payouts: {
      blocksPaid: 2,
      totalSats: 10_000_000_000n,
      feeSats: 100_000_000n,
      largestErrorSats: 0n,
      miners: [
        { account: 'ltc1qasics', expectedSats: 9_900_000_000n, actualSats: 9_900_000_000n },
        { account: 'ltc1qcheat', expectedSats: 0n, actualSats: 0n },
      ],
    },
    series: Array.from({ length: 120 }, (_, i) => ({
      atMs: (i + 1) * 30_000,
      hashrate: 4e9 + (i % 10) * 1e8,
      acceptance: i === 5 ? null : 0.95 + (i % 5) / 100,
    })),
    timeline: [
      { atMs: 1_800_000, kind: 'reorg', detail: 'depth 2 on ltc' },
      { atMs: 600_000, kind: 'block-found', detail: 'height 101 by asics-1' },
    ],
    wall: { startedAt: '2025-01-01T00:00:00.000Z', finishedAt: '2025-01-01T00:00:09.500Z', elapsedMs: 9500 },
  };
}
