import { describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import { summaryJson, wallJson } from '../reports/index.js';
import type { RunProgress } from './progress.js';
import { smallScenario } from './run.fixtures.js';
import { runScenario } from './run-scenario.js';

/** A wall that does not move: wall facts are then the same in every run of a test. */
const stillWall = { clock: { nowMs: () => 1_735_689_600_000 }, monotonicMs: () => 0 };

describe('runScenario at protocol fidelity', () => {
  it('runs a small scenario end to end: honest accepted, cheats refused, blocks paid exactly', async () => {
    // Arrange
    const phases: RunProgress['phase'][] = [];
    let last: RunProgress | undefined;
    // Act
    const result = await runScenario(smallScenario(), {
      wall: stillWall,
      onProgress: (p) => {
        phases.push(p.phase);
        last = p;
      },
    });
    // Assert: the miners' side
    const honest = result.farms.find((f) => f.farm === 'honest');
    const dupes = result.farms.find((f) => f.farm === 'dupes');
    expect(honest?.submitted).toBeGreaterThan(100);
    expect(honest?.accepted).toBe(honest?.submitted);
    expect(dupes?.accepted).toBeGreaterThan(10);
    expect(dupes?.rejected).toEqual({ duplicate: dupes?.accepted });
    // Assert: blocks found, one orphaned by the reorg, the rest paid exactly as the reference
    expect(result.blocks.found).toBeGreaterThanOrEqual(1);
    expect(result.blocks.orphaned).toBe(1);
    expect(result.payouts.blocksPaid).toBe(result.blocks.accepted - result.blocks.orphaned);
    expect(result.payouts.largestErrorSats).toBe(0n);
    expect(result.payouts.miners.every((m) => m.expectedSats === m.actualSats)).toBe(true);
    expect(result.timeline.map((e) => e.kind)).toContain('reorganisation');
    // Assert: every gate evaluated and passed
    expect(result.gates.map((g) => [g.expression, g.passed])).toEqual([
      ['acceptance(honest) >= 0.99', true],
      ['rejected(malicious) == 1', true],
      ['payout_error == 0', true],
      ['lost_shares == 0', true],
      ['blocks.found >= 1', true],
    ]);
    expect(result.passed).toBe(true);
    // Assert: progress from the first phase to the last, the last with the verdicts
    expect(phases[0]).toBe('starting');
    expect(phases.at(-1)).toBe('done');
    expect(last?.gates.every((g) => g.status === 'passed')).toBe(true);
    expect(last?.payouts.verified).toBe(true);
  });

  it('replays byte for byte: one seed, one summary.json; another seed, another run', async () => {
    // Act
    const a = await runScenario(smallScenario(), { wall: stillWall });
    const b = await runScenario(smallScenario(), { wall: stillWall });
    const c = await runScenario(smallScenario(), { wall: stillWall, seed: 8 });
    // Assert
    expect(summaryJson(b)).toBe(summaryJson(a));
    expect(summaryJson(c)).not.toBe(summaryJson(a));
    expect(c.seed).toBe(8);
    expect(summaryJson(a)).not.toContain('startedAt');
    expect(wallJson(a)).toContain('"startedAt": "2025-01-01T00:00:00.000Z"');
  });

  it('fails a gate that cannot hold, and says why; judges submit latency on the virtual clock', async () => {
    // Act
    const gates = ['acceptance(honest) > 1', 'submit_latency.p99 < 50ms'];
    const result = await runScenario(smallScenario({ gates }), { wall: stillWall });
    // Assert
    expect(result.passed).toBe(false);
    expect(result.gates).toEqual([
      expect.objectContaining({ passed: false, actual: '1', threshold: '> 1' }),
      expect.objectContaining({ passed: true, threshold: '< 50ms' }),
    ]);
    // The in-memory pool answers at once: no virtual time passes between submit and answer.
    const sent = result.farms.reduce((n, f) => n + f.submitted, 0);
    expect(result.latencyMs).toMatchObject({ p50: 0, p99: 0, max: 0 });
    expect(result.latencyMs?.histogram[0]).toEqual({ upToMs: 1, count: sent });
  });

  it('refuses what it cannot run before starting: another fidelity, an unsupported event', async () => {
    await expect(
      runScenario(smallScenario({ fidelity: 'economics', events: '  []' })),
    ).rejects.toMatchObject({
      code: 'RUN_FIDELITY_UNSUPPORTED',
    });
    const withFault = smallScenario({
      events: '  - { at: 10m, do: packet-fault, drop: 1%, for: 1m }',
    });
    const refused = await runScenario(withFault).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChimeraError);
    expect(refused).toMatchObject({ code: 'RUN_SCENARIO_UNSUPPORTED' });
    expect(String(refused)).toContain("'packet-fault' is not supported at protocol fidelity yet");
  });
});
