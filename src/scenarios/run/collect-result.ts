import type { Pool } from '../../pool/pool.js';
import { evaluateGates, type GateResult, type RunMetrics } from '../gates/index.js';
import { totalsByAccount } from '../payouts/index.js';
import type { RunResult, TimelineEntry } from '../reports/index.js';
import type { Scenario } from '../scenario.js';
import { BEHAVIOUR_CLASSES } from '../schema/catalogue.js';
import type { ChainRecord } from './chain-watch.js';
import { farmShares } from './farm-shares.js';
import type { FarmSlots } from './farm-slots.js';
import { checkPayouts } from './payout-check.js';
import { blockCounts, expectedBlocks, lostShares, poolMetrics } from './pool-metrics.js';
import type { PoolBlockSplit } from './pool-splits.js';
import { runSeries } from './series.js';
import { shareMetrics, type Selection } from './share-metrics.js';
import { latencyMetrics, submitLatency } from './submit-latency.js';
import { truthRows, type TruthRow } from './truth-shares.js';
import type { RunNetwork } from './world.js';

export interface FinishedRun {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly startMs: number;
  readonly network: RunNetwork;
  readonly pool: Pool;
  readonly chain: ChainRecord;
  readonly poolSplits: ReadonlyMap<string, PoolBlockSplit>;
  readonly farms: readonly FarmSlots[];
  readonly timeline: readonly TimelineEntry[];
}

export interface Collected {
  readonly result: Omit<RunResult, 'wall'>;
  readonly metrics: RunMetrics;
  readonly gates: readonly GateResult[];
  readonly largestErrorSats: bigint;
}

/** Reads the finished world into metrics, judges the gates and builds the run's result. */
export function collectResult(run: FinishedRun): Collected {
  const { scenario } = run;
  const rows = truthRows(run.farms, run.network.pow.diff1Target);
  const payout = scenario.pool.payout;
  const payouts = checkPayouts({
    network: run.network,
    rows,
    poolSplits: run.poolSplits,
    feeBps: payout.feeBps,
    windowFactor: payout.windowFactor,
  });
  const latency = submitLatency(run.farms, rows, scenario.durationMs);
  const blocks = blockCounts(
    rows,
    run.pool.blocks,
    run.chain,
    new Set(payouts.kept.map((b) => b.hash)),
  );
  const metrics: RunMetrics = {
    ...shareMetrics({
      rows,
      selections: selections(scenario, rows),
      actual: payouts.actual,
      fair: payouts.fair,
      durationMs: scenario.durationMs,
    }),
    ...poolMetrics({
      blocks,
      expectedBlocks: expectedBlocks(rows, run.chain),
      payouts,
      lostShares: lostShares(rows, run.pool.book),
      saturatedFarms: run.farms.filter((f) => f.farms().some((farm) => farm.meter.abandoned > 0))
        .length,
    }),
    ...latencyMetrics(latency),
  };
  const gates = evaluateGates(scenario.gates, metrics);
  const largestErrorSats =
    payouts.comparison.kind === 'equal' ? 0n : payouts.comparison.largestErrorSats;
  const feeSats = payouts.actual.reduce((sum, b) => sum + b.feeSats, 0n);
  const creditedSats = payouts.actual.reduce(
    (sum, b) => sum + b.credits.reduce((s, c) => s + c.amountSats, 0n),
    0n,
  );
  const result: Omit<RunResult, 'wall'> = {
    runId: `${scenario.name}-${run.seed}`,
    scenario: { name: scenario.name, description: scenario.description, file: scenario.file },
    seed: run.seed,
    fidelity: scenario.fidelity,
    durationMs: scenario.durationMs,
    passed: gates.every((g) => g.passed),
    gates,
    farms: farmShares(scenario.farms, rows),
    ...(latency === undefined ? {} : { latencyMs: latency }),
    blocks: { found: blocks.found, accepted: blocks.accepted, orphaned: blocks.orphaned },
    payouts: {
      blocksPaid: payouts.actual.length,
      totalSats: feeSats + creditedSats,
      feeSats,
      largestErrorSats,
      miners: totalsByAccount(payouts.expected, payouts.actual),
    },
    series: runSeries(rows, {
      startMs: run.startMs,
      durationMs: scenario.durationMs,
    }),
    timeline: [...run.timeline].sort((a, b) => a.atMs - b.atMs),
  };
  return { result, metrics, gates, largestErrorSats };
}

/** Every miner, each farm, and each behaviour class that has a farm. */
function selections(scenario: Scenario, rows: readonly TruthRow[]): Selection[] {
  const out: Selection[] = [{ selector: undefined, rows }];
  for (const farm of scenario.farms)
    out.push({ selector: farm.id, rows: rows.filter((r) => r.farm === farm.id) });
  for (const cls of BEHAVIOUR_CLASSES) {
    if (!scenario.farms.some((f) => f.behaviourClass === cls)) continue;
    out.push({ selector: cls, rows: rows.filter((r) => r.behaviourClass === cls) });
  }
  return out;
}
