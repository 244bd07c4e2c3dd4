import { findCoin } from '../../pool/core/coins/index.js';
import type { Scenario } from '../scenario.js';
import { minerBehaviour, minerProfile } from './catalogue-map.js';
import { floorProblems } from './floor-problems.js';
import { runError } from './run-errors.js';
import { planScenarioScale } from './scale-plan.js';

/** Events the protocol runner carries out; the others need parts not built yet. */
const PROTOCOL_EVENTS: ReadonlySet<string> = new Set([
  'node-outage',
  'slow-rpc',
  'reorg',
  'hashrate-surge',
  'farm-join',
  'farm-leave',
]);

const WHY_NOT: Readonly<Record<string, string>> = {
  'switch-network': 'the pool has no network manager to switch with yet',
  'net-latency': 'in-memory streams have no latency model yet',
  'packet-fault': 'in-memory streams have no fault model yet',
};

/**
 * What in a valid scenario the protocol runner cannot carry out, one sentence each; empty
 * when it can run the whole scenario. A run never skips a part silently.
 */
export function protocolProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  if (scenario.fidelity !== 'protocol') {
    problems.push(
      `fidelity '${scenario.fidelity}' is not supported yet: the runner runs protocol fidelity (in-memory streams, in-process chain, virtual time)`,
    );
    return problems;
  }
  scenario.events.forEach((event, i) => {
    if (!PROTOCOL_EVENTS.has(event.kind)) {
      problems.push(
        `events[${i}]: '${event.kind}' is not supported at protocol fidelity yet (${WHY_NOT[event.kind] ?? 'no model'})`,
      );
    }
  });
  const network = scenario.networks.find((n) => n.id === scenario.pool.network);
  const coin = network === undefined ? undefined : findCoin(network.chain.coin);
  const algorithm = coin?.algorithm ?? '?';
  scenario.farms.forEach((farm, i) => {
    for (const { profile } of farm.profiles) {
      const model = minerProfile(profile);
      if (model === undefined) {
        problems.push(`farms[${i}]: profile '${profile}' has no virtual-miner model yet`);
      } else if (model.hashrate[algorithm] === undefined) {
        problems.push(`farms[${i}]: profile '${profile}' (${model.id}) does not mine ${algorithm}`);
      }
    }
    if (minerBehaviour(farm.behaviour) === undefined) {
      problems.push(`farms[${i}]: behaviour '${farm.behaviour}' has no virtual-miner model yet`);
    }
  });
  if (problems.length === 0 && coin !== undefined) {
    problems.push(...floorProblems(scenario, planScenarioScale(scenario, algorithm)));
  }
  return problems;
}

/** Throws RUN_FIDELITY_UNSUPPORTED or RUN_SCENARIO_UNSUPPORTED naming every problem. */
export function assertRunnable(scenario: Scenario): void {
  const problems = protocolProblems(scenario);
  if (problems.length === 0) return;
  const code =
    scenario.fidelity === 'protocol' ? 'RUN_SCENARIO_UNSUPPORTED' : 'RUN_FIDELITY_UNSUPPORTED';
  throw runError(code, `${scenario.file}: ${problems.join('; ')}`, { problems });
}
