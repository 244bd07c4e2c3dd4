import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario.js';

/** A valid two-network scenario; each case edits it. */
const BASE = `name: checks
description: Cross-checks
seed: 1
fidelity: protocol
duration: 2h
networks:
  - { id: ltc, chain: { sim: { coin: sim-scrypt } } }
  - { id: btc, chain: { sim: { coin: sim-sha256d } } }
pool:
  network: ltc
  difficulty: { start: 1, min: 0.001, max: 1000 }
farms:
  - { id: asics, profile: asic-scrypt-l7, count: 4 }
  - { id: cpus, profile: cpu-desktop, count: 10 }
events:
  - { at: 10m, do: reorg, network: ltc, depth: 1 }
`;

/** `path: message` of every error. */
function errorsOf(text: string): string[] {
  const parsed = parseScenario(text, 'checks.yaml');
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`);
}

const withEvent = (event: string) => `${BASE}  - ${event}\n`;

describe('checkScenario', () => {
  it('accepts the base scenario', () => {
    expect(errorsOf(BASE)).toEqual([]);
  });

  it.each([
    [
      'a second network with the same id',
      BASE.replace('id: btc', 'id: ltc'),
      "networks[1].id: network id 'ltc' is already used by networks[0]",
    ],
    [
      'two farms defaulting to the same id',
      BASE.replace('id: asics, profile: asic-scrypt-l7', 'profile: cpu-desktop').replace(
        'id: cpus, ',
        '',
      ),
      "farms[1].id: farm id 'cpu-desktop' is already used by farms[0]; give each farm its own id",
    ],
    [
      'a minimum difficulty above the start',
      BASE.replace('min: 0.001', 'min: 2'),
      'pool.difficulty.min: expected min <= start (1)',
    ],
    [
      'a maximum difficulty below the start',
      BASE.replace('max: 1000', "max: '0.5'"),
      'pool.difficulty.max: expected max >= start (1)',
    ],
    [
      'a farm joining after the end',
      BASE.replace('count: 10 }', 'count: 10, join: 3h }'),
      'farms[1].join: expected a time before the end of the run',
    ],
    [
      'a farm leaving before it joins',
      BASE.replace('count: 10 }', 'count: 10, join: 1h, leave: 30m }'),
      'farms[1].leave: expected a time after join, got "30m"',
    ],
    [
      'a profile mix that does not add up',
      BASE.replace(
        'profile: cpu-desktop, count: 10',
        'count: 10, mix: [{ profile: cpu-desktop, share: 60% }, { profile: gpu-midrange, share: 30% }]',
      ),
      'farms[1].mix: expected shares that sum to 100% (they sum to 90%)',
    ],
    [
      'a farm with both a profile and a mix',
      BASE.replace('count: 10', 'count: 10, mix: [{ profile: cpu-desktop, share: 100% }]'),
      'farms[1].mix: expected exactly one of: profile, mix',
    ],
    [
      'a switch to the network the pool is on',
      withEvent('{ at: 20m, do: switch-network, to: ltc }'),
      "events[1].to: the pool is already on 'ltc' then: expected another network",
    ],
    [
      'a switch to an unknown network',
      withEvent('{ at: 20m, do: switch-network, to: eth }'),
      "events[1].to: unknown network 'eth': expected one of: ltc, btc",
    ],
    [
      'leaving more miners than the farm has',
      withEvent('{ at: 20m, do: farm-leave, farm: asics, count: 5 }'),
      "events[1].count: expected at most 4 (the size of farm 'asics')",
    ],
    [
      'an event on an unknown farm',
      withEvent('{ at: 20m, do: farm-join, farm: asic }'),
      "events[1].farm: unknown farm 'asic'; did you mean 'asics'?",
    ],
    [
      'a packet fault that does nothing',
      withEvent('{ at: 20m, do: packet-fault, for: 1m }'),
      'events[1]: expected at least one of drop, duplicate, corrupt, reset above 0%',
    ],
    [
      'wire faults in an economics run',
      withEvent('{ at: 20m, do: net-latency, latency: 5ms, for: 1m }').replace(
        'fidelity: protocol',
        'fidelity: economics',
      ),
      'events[1].do: net-latency needs connections: expected fidelity wire or protocol',
    ],
    [
      'a reorg of a real daemon',
      BASE.replace('fidelity: protocol', 'fidelity: wire').replace(
        '{ sim: { coin: sim-scrypt } }',
        '{ regtest: { daemon: litecoind } }',
      ),
      "events[0].network: reorg needs a sim chain; network 'ltc' is regtest",
    ],
    [
      'a gate selecting a farm that does not exist',
      `${BASE}gates:\n  - acceptance(nobody) >= 0.9\n`,
      "gates[0]: unknown selector 'nobody': expected a behaviour class (honest, malicious, strategic) or a farm id (asics, cpus)",
    ],
  ])('refuses %s', (_what, text, error) => {
    expect(errorsOf(text)).toEqual([error]);
  });

  it('follows switches in time order, whatever order they are written in', () => {
    const text = `${BASE}  - { at: 40m, do: switch-network, to: ltc }\n  - { at: 20m, do: switch-network, to: btc }\n`;
    expect(errorsOf(text)).toEqual([]);
  });

  it('lets a gate select a farm by id or miners by behaviour class', () => {
    const text = `${BASE}gates:\n  - acceptance(cpus) >= 0.9\n  - rejected(malicious) == 1\n`;
    expect(errorsOf(text)).toEqual([]);
  });
});
