import { FIDELITIES, type Fidelity } from '../schema/fidelity.js';

/**
 * Every figure a gate may name. A runner reports these (see `RunMetrics`); a gate naming
 * anything else is refused when the scenario loads, never silently passed.
 */

/** What a metric counts: `ms` and `H/s` need a unit on any threshold compared with them. */
export type MetricUnit = 'ratio' | 'count' | 'ms' | 'sats' | 'H/s';

/**
 * `miners`: takes an optional selector, a farm id or a behaviour class (honest, malicious,
 * strategic); without one it covers every miner. `none`: a pool-wide figure.
 */
export type SelectorKind = 'none' | 'miners';

export interface MetricInfo {
  readonly name: string;
  readonly selector: SelectorKind;
  readonly unit: MetricUnit;
  readonly description: string;
  /** Fidelity levels whose runs measure it. */
  readonly fidelities: readonly Fidelity[];
}

const ALL = FIDELITIES;
const SIMULATED: readonly Fidelity[] = ['wire', 'protocol'];

const metric = (
  name: string,
  selector: SelectorKind,
  unit: MetricUnit,
  description: string,
  fidelities: readonly Fidelity[] = ALL,
): MetricInfo => ({ name, selector, unit, description, fidelities });

export const METRICS: readonly MetricInfo[] = [
  metric('acceptance', 'miners', 'ratio', 'Accepted shares / submitted shares.'),
  metric('rejected', 'miners', 'ratio', 'Rejected shares / submitted shares.'),
  metric('shares.submitted', 'miners', 'count', 'Shares submitted.'),
  metric('shares.accepted', 'miners', 'count', 'Shares the pool accepted.'),
  metric('shares.rejected', 'miners', 'count', 'Shares the pool rejected, for any reason.'),
  metric('work_share', 'miners', 'ratio', "The selection's part of all accepted work."),
  metric('payout_share', 'miners', 'ratio', "The selection's part of all PPLNS credits."),
  metric(
    'payout_excess',
    'miners',
    'sats',
    'Credits beyond what a correct pool pays the selection: the reference PPLNS model over its accepted shares, less those sent to cheat in a way a pool must refuse. Above 0: it gained from cheating; below: valid work went unpaid.',
  ),
  metric('hashrate.effective', 'miners', 'H/s', 'Hashrate measured from accepted work.'),
  metric(
    'share_interval.median',
    'miners',
    'ms',
    "Median time between a miner's accepted shares: where vardiff settled.",
  ),
  ...['p50', 'p95', 'p99', 'max'].map((q) =>
    metric(
      `submit_latency.${q}`,
      'none',
      'ms',
      `${q === 'max' ? 'Longest' : q} time from a submit line to its answer, as miners measure it (protocol runs: on the virtual clock, so only the time the pool waited).`,
      SIMULATED,
    ),
  ),
  metric('blocks.found', 'none', 'count', 'Block candidates the pool found.'),
  metric('blocks.accepted', 'none', 'count', "The pool's blocks the chain accepted."),
  metric('blocks.orphaned', 'none', 'count', "The pool's blocks later reorganised away."),
  metric(
    'blocks.lost',
    'none',
    'count',
    'Block candidates no node answered: never submitted, or submitted while it was unreachable.',
  ),
  metric(
    'expected_blocks',
    'none',
    'count',
    "Blocks the pool's hashrate should find on average over the run.",
  ),
  metric(
    'payout_error',
    'none',
    'sats',
    'Largest difference of any credit from the reference PPLNS model.',
  ),
  metric('payouts.blocks_paid', 'none', 'count', 'Blocks whose reward was shared out.'),
  metric('payouts.total', 'none', 'sats', 'Sum of all credits and fees.'),
  metric('lost_shares', 'none', 'count', 'Accepted shares missing from the PPLNS ledger.'),
  metric(
    'switch_downtime',
    'none',
    'ms',
    'Longest time during a network switch when miners had no valid job.',
    SIMULATED,
  ),
  metric('switch.rollbacks', 'none', 'count', 'Network switches rolled back.', SIMULATED),
  metric(
    'saturated_farms',
    'none',
    'count',
    'Farms whose real grinding could not keep up with their nominal hashrate.',
    SIMULATED,
  ),
];

export function findMetric(name: string): MetricInfo | undefined {
  return METRICS.find((m) => m.name === name);
}

/** The key a run's metrics are reported under: `acceptance(honest)`, `blocks.found`. */
export function metricKey(name: string, selector?: string): string {
  return selector === undefined ? name : `${name}(${selector})`;
}
