import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../pool/core/algorithms/index.js';
import { findCoin } from '../../pool/core/coins/index.js';
import { VirtualTime } from '../../runtime/index.js';
import { parseScenario } from '../load/parse-scenario.js';
import { FarmSlots } from './farm-slots.js';

const SCENARIO = [
  'name: slots',
  'description: a mix of a GPU and an ASIC in one farm',
  'seed: 1',
  'fidelity: protocol',
  'duration: 1h',
  'networks:',
  '  - { id: btc, chain: { sim: { coin: sim-sha256d, externalHashrate: 1PH } } }',
  'pool: { network: btc }',
  'farms:',
  '  - id: mixed',
  '    count: 2',
  '    mix:',
  '      - { profile: gpu-midrange, share: 50% }',
  '      - { profile: asic-sha256-s19, share: 50% }',
  'gates: [acceptance >= 0.99]',
  '',
].join('\n');

describe('FarmSlots', () => {
  it("shrinks each miner by its own profile's digits and reports hardware figures", async () => {
    // Arrange: the GPU spared four digits of the world's fourteen (a boost to the floor)
    const parsed = parseScenario(SCENARIO, 'slots.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const coin = findCoin('sim-sha256d');
    if (coin === undefined) throw new Error('sim-sha256d is a built-in coin');
    const vt = new VirtualTime(0);
    const slots = new FarmSlots(parsed.scenario.farms[0]!, {
      vt,
      coin,
      pow: (await createDefaultRegistry()).require(coin.algorithm),
      shrinkDigits: (profile) => (profile === 'gpu-midrange' ? 10 : 14),
      seed: 1,
      farmIndex: 0,
      attach: () => undefined,
    });
    // Act
    slots.join();
    // Assert: real rates at each miner's own shrink; nominal back in the hardware's units
    const [gpu, asic] = slots.farms();
    expect(slots.shrinkDigitsOf(gpu!)).toBe(10);
    expect(slots.shrinkDigitsOf(asic!)).toBe(14);
    const gpuRate = gpu!.miners[0]!.spec.hashrate;
    const asicRate = asic!.miners[0]!.spec.hashrate;
    expect(gpuRate).toBeGreaterThan(0.48 * 0.5);
    expect(gpuRate).toBeLessThan(0.48 * 1.5);
    expect(asicRate).toBeGreaterThan(0.95 * 0.5);
    expect(slots.nominalOnline()).toBeCloseTo(gpuRate * 1e10 + asicRate * 1e14, -3);
    await slots.stop();
  });
});
