import { bitsToTarget, difficultyOfTarget } from '../../pool/core/difficulty/index.js';
import type { Pool } from '../../pool/pool.js';
import type { GateResult } from '../gates/index.js';
import type { TimelineEntry } from '../reports/index.js';
import type { Scenario } from '../scenario.js';
import type { ChainRecord } from './chain-watch.js';
import { rejectReasonOf } from './farm-shares.js';
import type { FarmSlots } from './farm-slots.js';
import type { FarmProgress, NetworkProgress, RunProgress } from './progress.js';
import type { RunNetwork } from './world.js';

/** Timeline entries a snapshot carries, newest last. */
const RECENT_EVENTS = 30;

export interface LiveRun {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly startMs: number;
  readonly nowMs: () => number;
  readonly wallElapsedMs: () => number;
  readonly scaleDigits: number;
  readonly networks: readonly RunNetwork[];
  readonly activeId: string;
  readonly pool: Pool;
  readonly chain: ChainRecord;
  readonly farms: readonly FarmSlots[];
  readonly timeline: readonly TimelineEntry[];
  readonly blocksPaid: () => number;
}

export interface RunEnd {
  readonly gates: readonly GateResult[];
  readonly largestErrorSats: bigint;
  readonly blocksPaid: number;
}

/** A snapshot of a run for the dashboard and the progress lines: plain data, cheap to make. */
export function progressSnapshot(
  run: LiveRun,
  phase: RunProgress['phase'],
  end?: RunEnd,
): RunProgress {
  const simulatedMs = Math.max(0, run.nowMs() - run.startMs);
  const wallMs = run.wallElapsedMs();
  const unscale = 10 ** run.scaleDigits;
  return {
    scenario: run.scenario.name,
    seed: String(run.seed),
    fidelity: run.scenario.fidelity,
    phase,
    clock: {
      simulatedMs,
      durationMs: run.scenario.durationMs,
      wallMs,
      speedup: wallMs > 0 ? simulatedMs / wallMs : 0,
    },
    networks: run.networks.map((n) => networkProgress(run, n, simulatedMs, unscale)),
    farms: run.farms.map((f) => farmProgress(f, simulatedMs)),
    payouts: {
      blocksPaid: end?.blocksPaid ?? run.blocksPaid(),
      largestErrorSats: String(end?.largestErrorSats ?? 0n),
      verified: end === undefined ? undefined : end.largestErrorSats === 0n,
    },
    events: run.timeline
      .slice(-RECENT_EVENTS)
      .map((e) => ({ atMs: e.atMs, text: `${e.kind}: ${e.detail}` })),
    gates: run.scenario.gates.map((gate, i) => {
      const result = end?.gates[i];
      if (result === undefined) return { expression: gate.source, status: 'pending' as const };
      return {
        expression: result.expression,
        status: result.passed ? ('passed' as const) : ('failed' as const),
        ...(result.actual === null ? {} : { actual: result.actual }),
      };
    }),
  };
}

function networkProgress(
  run: LiveRun,
  n: RunNetwork,
  simulatedMs: number,
  unscale: number,
): NetworkProgress {
  const active = n.id === run.activeId;
  const tip = n.sim.tip;
  const target = bitsToTarget(n.sim.state.expectedBits(tip));
  const onMain = (hash: string): boolean => {
    const block = n.sim.block(hash);
    return block !== undefined && n.sim.blockAt(block.height)?.hashHex === hash;
  };
  const accepted = active ? run.chain.acceptedPoolBlocks : [];
  const work = active ? run.farms.reduce((sum, f) => sum + f.acceptedHardwareWork(), 0) : 0;
  return {
    id: n.id,
    coin: n.coin.id,
    height: tip.height,
    difficulty: difficultyOfTarget(n.pow.diff1Target, target) * unscale,
    poolHashrate: simulatedMs > 0 ? (work * 1000) / simulatedMs : 0,
    blocksFound: active ? run.pool.blocks.length : 0,
    blocksAccepted: accepted.length,
    blocksOrphaned: accepted.filter((h) => !onMain(h)).length,
    active,
  };
}

function farmProgress(slots: FarmSlots, simulatedMs: number): FarmProgress {
  let submitted = 0;
  let accepted = 0;
  let saturated = false;
  const rejected: Record<string, number> = {};
  const add = (reason: string, n: number): void => {
    rejected[reason] = (rejected[reason] ?? 0) + n;
  };
  for (const farm of slots.farms()) {
    const c = farm.counters;
    submitted += c.submitted;
    accepted += c.accepted;
    if (farm.meter.abandoned > 0) saturated = true;
    if (c.unanswered > 0) add('disconnected', c.unanswered);
    for (const [key, n] of c.rejected) {
      const space = key.indexOf(' ');
      const code = key.slice(0, space);
      const message = key.slice(space + 1);
      const answer = {
        kind: 'rejected' as const,
        code: code === '-' ? undefined : Number(code),
        message,
      };
      add(rejectReasonOf(answer) ?? key, n);
    }
  }
  const { spec } = slots;
  return {
    id: spec.id,
    profile: spec.profiles.map((p) => p.profile).join('+'),
    behaviour: spec.behaviour,
    behaviourClass: spec.behaviourClass,
    miners: slots.online,
    nominalHashrate: slots.nominalOnline(),
    effectiveHashrate: simulatedMs > 0 ? (slots.acceptedHardwareWork() * 1000) / simulatedMs : 0,
    submitted,
    accepted,
    rejected,
    acceptance: submitted === 0 ? Number.NaN : accepted / submitted,
    saturated,
  };
}
