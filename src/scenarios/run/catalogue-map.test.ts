import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { findCoin } from '../../pool/core/coins/index.js';
import { BEHAVIOURS, PROFILES } from '../../sim/miners/index.js';
import { loadScenario } from '../load/load-scenario.js';
import { DEFAULT_BEHAVIOURS, DEFAULT_PROFILES } from '../schema/catalogue.js';
import { minerBehaviour, minerProfile } from './catalogue-map.js';

const SCENARIOS_DIR = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const scenarioFiles = (await readdir(SCENARIOS_DIR)).filter((f) => f.endsWith('.yaml')).sort();

/** What an ASIC's scenario id names as its algorithm (asic-<algorithm>-<model>). */
const ASIC_ALGORITHM: Readonly<Record<string, string>> = {
  sha256: 'sha256d',
  scrypt: 'scrypt',
  blake3: 'blake3',
};

describe('the scenario catalogue resolves to virtual-miner models', () => {
  it.each(DEFAULT_PROFILES)('profile %s is a model of the miners catalogue', (id) => {
    const model = minerProfile(id);
    expect(model, `no virtual-miner model for '${id}'`).toBeDefined();
    expect(PROFILES).toContain(model);
  });

  it.each(DEFAULT_BEHAVIOURS.map((b) => [b.id, b.class] as const))(
    'behaviour %s is a model of the miners catalogue, judged as %s',
    (id, cls) => {
      const model = minerBehaviour(id);
      expect(model, `no virtual-miner model for '${id}'`).toBeDefined();
      expect(BEHAVIOURS).toContain(model);
      expect(model?.class).toBe(cls);
    },
  );

  it('maps each scenario profile to hardware of the kind and algorithms its id names', async () => {
    const builtins = (await createDefaultRegistry()).list().map((a) => a.id);
    for (const id of DEFAULT_PROFILES) {
      const model = minerProfile(id)!;
      const [kind, algorithm, name] = id.split('-');
      expect([id, model.kind]).toEqual([id, kind]);
      const mined = Object.keys(model.hashrate).sort();
      if (kind === 'asic') {
        expect([id, mined]).toEqual([id, [ASIC_ALGORITHM[algorithm!]]]);
        expect(model.id).toContain(name);
      } else if (kind === 'cpu') {
        expect([id, mined]).toEqual([id, [...builtins].sort()]);
      } else {
        expect([id, mined]).toEqual([id, expect.arrayContaining(['blake3', 'scrypt', 'sha256d'])]);
      }
    }
  });

  it('puts the bigger model of each family above the smaller on every shared algorithm', () => {
    const pairs = [
      ['cpu-desktop', 'cpu-server'],
      ['gpu-midrange', 'gpu-highend'],
      ['asic-sha256-s19', 'asic-sha256-s21'],
      ['asic-scrypt-l7', 'asic-scrypt-l9'],
    ] as const;
    for (const [small, big] of pairs) {
      const lower = minerProfile(small)!.hashrate;
      const upper = minerProfile(big)!.hashrate;
      for (const [algorithm, rate] of Object.entries(upper)) {
        const base = lower[algorithm];
        if (base !== undefined) {
          expect(rate.hashesPerSec, `${big} ${algorithm}`).toBeGreaterThan(base.hashesPerSec);
        }
      }
    }
  });

  it('refuses ids it has no model for, and takes the miners own ids as they are', () => {
    expect(minerProfile('asic-x11-d9')).toBeUndefined();
    expect(minerBehaviour('selfish-mining')).toBeUndefined();
    for (const p of PROFILES) expect(minerProfile(p.id)).toBe(p);
    for (const b of BEHAVIOURS) expect(minerBehaviour(b.id)).toBe(b);
  });
});

describe('the example scenarios name only hardware and behaviours that exist', () => {
  it.each(scenarioFiles)('%s: every farm has a model that mines its coin', async (file) => {
    // Arrange
    const parsed = await loadScenario(`${SCENARIOS_DIR}${file}`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { scenario } = parsed;
    const network = scenario.networks.find((n) => n.id === scenario.pool.network)!;
    const algorithm = findCoin(network.chain.coin)!.algorithm;
    // Act
    const problems = scenario.farms.flatMap((farm) => [
      ...farm.profiles
        .filter((p) => minerProfile(p.profile)?.hashrate[algorithm] === undefined)
        .map((p) => `${farm.id}: '${p.profile}' does not mine ${algorithm}`),
      ...(minerBehaviour(farm.behaviour) === undefined ? [`${farm.id}: '${farm.behaviour}'`] : []),
    ]);
    // Assert
    expect(problems).toEqual([]);
  });
});
