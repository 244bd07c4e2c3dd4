import { parseScenario } from '../load/parse-scenario.js';
import type { Scenario } from '../scenario.js';

/**
 * A small protocol scenario that runs in about a second: honest CPUs and a duplicate-share
 * rig on a blake3 chain with a block a minute, and a reorg half way. `gates` replaces the
 * gate list and `events` the event list (YAML lines, indented two spaces).
 */
export function smallScenarioYaml(
  options: {
    readonly gates?: readonly string[];
    readonly fidelity?: string;
    readonly events?: string;
  } = {},
): string {
  const gates = options.gates ?? [
    'acceptance(honest) >= 0.99',
    'rejected(malicious) == 1',
    'payout_error == 0',
    'lost_shares == 0',
    'blocks.found >= 1',
  ];
  return [
    'name: run-small',
    'description: Honest CPUs and a duplicate-share rig on a fast blake3 chain, with a reorg',
    'seed: 7',
    `fidelity: ${options.fidelity ?? 'protocol'}`,
    'duration: 20m',
    'networks:',
    '  - id: b3',
    '    chain: { sim: { coin: sim-blake3, blockTime: 60s, externalHashrate: 100MH } }',
    'pool:',
    '  network: b3',
    '  difficulty: { start: 0.01, min: 0.0001, max: 1000 }',
    'farms:',
    '  - { id: honest, profile: cpu-desktop, count: 3 }',
    '  - { id: dupes, profile: cpu-desktop, count: 1, behaviour: duplicate-shares }',
    'events:',
    options.events ?? '  - { at: 10m, do: reorg, network: b3, depth: 1 }',
    'gates:',
    ...gates.map((g) => `  - ${g}`),
    '',
  ].join('\n');
}

/** The small scenario, parsed; throws on a parse error (a broken fixture). */
export function smallScenario(options: Parameters<typeof smallScenarioYaml>[0] = {}): Scenario {
  const parsed = parseScenario(smallScenarioYaml(options), 'run-small.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return parsed.scenario;
}
