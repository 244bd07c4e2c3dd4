import { afterEach, describe, expect, it } from 'vitest';
import { createPoolBench, type PoolBench } from '../miner/miner.fixtures.js';
import { connectionChurn } from './connection-churn.js';
import { difficultySuggestAbuse } from './difficulty-suggest-abuse.js';
import { binaryGarbage, malformedJson, oversizedLine } from './line-abuse.js';
import { slowloris } from './slowloris.js';
import { submitFlood } from './submit-flood.js';
import type { Behaviour } from './types.js';
import { judgeBehaviour } from './verdict.js';

let bench: PoolBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function run(behaviour: Behaviour, ms: number) {
  bench = createPoolBench();
  const miner = bench.miner({ behaviour });
  miner.start();
  await bench.vt.advanceBy(ms);
  return miner.snapshot();
}

describe('connection behaviours against our Stratum server (each gets its catalogue response)', () => {
  it('malformed-json: each line gets -32700, then the pool hangs up and bans the IP', async () => {
    // Act: the cpu profile retries 30 s after the drop, inside the 10 min ban
    const truth = await run(malformedJson, 60_000);
    // Assert
    expect(judgeBehaviour(malformedJson.expected, [truth])).toMatchObject({
      ok: true,
      evidence: 20,
    });
    expect(truth.sessions.map((s) => [s.handshake, s.closedBy])).toEqual([
      ['authorized', 'pool'],
      ['cut', 'pool'],
    ]);
    expect(bench!.server.counters().bans).toBe(1);
  });

  it('binary-garbage: each line gets -32700, then the pool hangs up and bans the IP', async () => {
    const truth = await run(binaryGarbage, 60_000);
    expect(judgeBehaviour(binaryGarbage.expected, [truth])).toMatchObject({
      ok: true,
      evidence: 20,
    });
    expect(bench!.server.counters().disconnects['protocol-abuse']).toBe(1);
  });

  it('oversized-line: answered -32600 and disconnected, without a ban', async () => {
    const truth = await run(oversizedLine, 60_000);
    expect(judgeBehaviour(oversizedLine.expected, [truth])).toMatchObject({
      ok: true,
      evidence: 1,
    });
    expect(truth.sessions[1]?.handshake).toBe('authorized');
    expect(bench!.server.counters().disconnects['oversize-line']).toBe(1);
  });

  it('submit-flood: the burst beyond the allowance is refused with 20 and the miner kept', async () => {
    const truth = await run(submitFlood, 10_000);
    expect(judgeBehaviour(submitFlood.expected, [truth])).toMatchObject({
      ok: true,
      evidence: 800,
    });
    const flood = truth.shares.filter((s) => s.intent === 'flood');
    expect(flood.filter((s) => s.answer.kind === 'accepted')).toHaveLength(500);
    expect(bench!.server.counters().bans).toBe(0);
  });

  it('slowloris: a connection that never completes a line is closed by the handshake deadline', async () => {
    const truth = await run(slowloris, 20_000);
    expect(judgeBehaviour(slowloris.expected, [truth])).toMatchObject({ ok: true, evidence: 1 });
    const first = truth.sessions[0]!;
    expect(first.closedAtMs! - first.connectedAtMs).toBeLessThanOrEqual(16_000);
    expect(bench!.server.counters().disconnects['handshake-timeout']).toBe(1);
  });

  it('connection-churn: every one of many short connections is served work', async () => {
    const truth = await run(connectionChurn, 30_000);
    expect(judgeBehaviour(connectionChurn.expected, [truth])).toMatchObject({ ok: true });
    expect(truth.sessions.length).toBeGreaterThanOrEqual(10);
    expect(bench!.server.connectionCount).toBeLessThanOrEqual(1);
  });

  it('difficulty-suggest-abuse: suggestions are answered, clamped and rate-limited', async () => {
    const truth = await run(difficultySuggestAbuse, 300_000);
    expect(judgeBehaviour(difficultySuggestAbuse.expected, [truth])).toMatchObject({ ok: true });
    const difficulties = truth.sessions.flatMap((s) => s.difficulties.map((d) => d.difficulty));
    expect(difficulties.every((d) => d >= 1e-9 && d <= 1000)).toBe(true);
    expect(bench!.server.counters().suggestionsIgnored).toBeGreaterThan(250);
  });
});
