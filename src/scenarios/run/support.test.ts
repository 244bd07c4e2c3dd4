import { describe, expect, it } from 'vitest';
import { parseScenario } from '../load/parse-scenario.js';
import { minerBehaviour, minerProfile } from './catalogue-map.js';
import { smallScenarioYaml } from './run.fixtures.js';
import { protocolProblems } from './support.js';
import {
  DEFAULT_BEHAVIOURS,
  DEFAULT_CATALOGUE,
  type ScenarioCatalogue,
} from '../schema/catalogue.js';

/** The default catalogue and one profile the virtual miners do not model. */
const WITH_UNMODELLED: ScenarioCatalogue = {
  ...DEFAULT_CATALOGUE,
  knownProfiles: [...DEFAULT_CATALOGUE.knownProfiles, 'asic-x11-d9'],
};

function parse(text: string) {
  const parsed = parseScenario(text, 'x.yaml', { catalogue: WITH_UNMODELLED });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

describe('protocolProblems', () => {
  it('has nothing against a scenario the runner can carry out', () => {
    expect(protocolProblems(parse(smallScenarioYaml()))).toEqual([]);
  });

  it('names each part it cannot run: hardware without a model, an unsupported event', () => {
    // Arrange
    const text = smallScenarioYaml({
      events: '  - { at: 5m, do: net-latency, latency: 5ms, for: 1m }',
    }).replace('profile: cpu-desktop, count: 3', 'profile: asic-x11-d9, count: 3');
    // Act
    const problems = protocolProblems(parse(text));
    // Assert
    expect(problems).toEqual([
      "events[0]: 'net-latency' is not supported at protocol fidelity yet (in-memory streams have no latency model yet)",
      "farms[0]: profile 'asic-x11-d9' has no virtual-miner model yet",
    ]);
  });

  it('refuses a share-interval gate over a farm too small to share at the vardiff target', () => {
    // Arrange: scrypt ASICs and CPUs for three hours; no boost to the floor fits the budget
    const text = [
      'name: floors',
      'description: CPUs beside scrypt ASICs',
      'seed: 1',
      'fidelity: protocol',
      'duration: 3h',
      'networks:',
      '  - { id: ltc, chain: { sim: { coin: sim-scrypt, externalHashrate: 50GH } } }',
      'pool: { network: ltc }',
      'farms:',
      '  - { id: cpus, profile: cpu-desktop, count: 100 }',
      '  - { id: asics, profile: asic-scrypt-l9, count: 5 }',
      'gates:',
      '  - acceptance >= 0.99',
      '  - share_interval.median(honest) <= 13s',
      '  - share_interval.median(cpus) >= 7s',
      '',
    ].join('\n');
    // Act
    const problems = protocolProblems(parse(text));
    // Assert: each interval gate names each farm it cannot measure, with its figures
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^gates\[1\] 'share_interval.median\(honest\) <= 13s': farm cpus cannot share every 10 s at protocol fidelity \(~0\.0000080 hashes per 10 s at this scale, below the 4-hash floor; reaching it would take ~8\.6e\+5 more real scrypt hashes/,
    );
    expect(problems[1]).toContain("gates[1] 'share_interval.median(honest) <= 13s': farm asics");
    expect(problems[2]).toContain("gates[2] 'share_interval.median(cpus) >= 7s': farm cpus");
  });

  it('says which fidelity it runs when asked for another', () => {
    const problems = protocolProblems(parse(smallScenarioYaml({ fidelity: 'wire' })));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("fidelity 'wire' is not supported yet");
  });
});

describe('the scenario catalogue against the virtual miners', () => {
  it('maps every behaviour class faithfully where a model exists', () => {
    for (const { id, class: cls } of DEFAULT_BEHAVIOURS) {
      const model = minerBehaviour(id);
      if (model !== undefined) expect([id, model.class]).toEqual([id, cls]);
    }
    expect(minerProfile('asic-scrypt-l7')?.id).toBe('antminer-l7');
    expect(minerProfile('antminer-l7')?.id).toBe('antminer-l7');
  });
});
