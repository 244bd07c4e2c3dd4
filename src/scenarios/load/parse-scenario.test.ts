import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario.js';

const VALID = `name: tiny
description: A small valid scenario
seed: 3
fidelity: protocol
duration: 1h
networks:
  - id: ltc
    chain:
      sim: { coin: sim-scrypt, externalHashrate: 400GH }
pool:
  network: ltc
farms:
  - { profile: cpu-desktop, count: 2 }
gates:
  - acceptance(honest) >= 0.98
`;

/** `line:col path: message` of every error, for compact expectations. */
function errorsOf(text: string): string[] {
  const parsed = parseScenario(text, 'test.yaml');
  if (parsed.ok) return [];
  return parsed.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}

describe('parseScenario: a valid file', () => {
  it('fills in defaults, converts units and parses gates', () => {
    // Act
    const parsed = parseScenario(VALID, 'test.yaml');
    // Assert
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { scenario } = parsed;
    expect(scenario.file).toBe('test.yaml');
    expect(scenario.durationMs).toBe(3_600_000);
    expect(scenario.networks[0]?.chain).toEqual({
      kind: 'sim',
      coin: 'sim-scrypt',
      blockTimeMs: 150_000,
      externalHashrate: 400_000_000_000n,
      propagationDelayMs: 0,
      txPerSec: 0,
    });
    expect(scenario.pool).toEqual({
      network: 'ltc',
      payout: { scheme: 'pplns', windowFactor: { num: 2n, den: 1n }, feeBps: 100 },
      vardiff: { targetTimeMs: 10_000, retargetIntervalMs: 90_000, varianceBps: 3000 },
      difficulty: { start: '1', min: '0.001', max: '1000000000' },
      stratum: { host: '127.0.0.1', ports: [0] },
    });
    expect(scenario.farms[0]).toEqual({
      id: 'cpu-desktop',
      profiles: [{ profile: 'cpu-desktop', shareBps: 10_000 }],
      count: 2,
      behaviour: 'honest',
      behaviourClass: 'honest',
      joinAtMs: 0,
      leaveAtMs: undefined,
      workerPrefix: 'cpu-desktop',
      addressMode: 'per-miner',
    });
    expect(scenario.events).toEqual([]);
    expect(scenario.gates.map((g) => g.source)).toEqual(['acceptance(honest) >= 0.98']);
  });

  it('hands back a frozen scenario', () => {
    const parsed = parseScenario(VALID, 'test.yaml');
    if (!parsed.ok) throw new Error('invalid');
    expect(Object.isFrozen(parsed.scenario)).toBe(true);
    expect(Object.isFrozen(parsed.scenario.farms[0])).toBe(true);
  });

  it('reads every kind of event into ms and exact units', () => {
    const text = VALID.replace(
      'gates:',
      `events:
  - { at: 1m, do: switch-network, to: ltc2, canary: 10%, rollback: { acceptanceBelow: 95%, within: 5m } }
  - { at: 2m, do: node-outage, network: ltc, for: 30s }
  - { at: 3m, do: slow-rpc, network: ltc, delay: 800ms, for: 1m }
  - { at: 4m, do: reorg, network: ltc, depth: 2 }
  - { at: 5m, do: hashrate-surge, network: ltc, factor: 1.5x, for: 10m }
  - { at: 6m, do: farm-leave, farm: cpu-desktop, count: 1 }
  - { at: 7m, do: farm-join, farm: cpu-desktop }
  - { at: 8m, do: net-latency, latency: 40ms, for: 1m }
  - { at: 9m, do: packet-fault, farm: cpu-desktop, drop: 0.5%, for: 1m }
gates:`,
    ).replace('networks:\n', `networks:\n  - id: ltc2\n    chain: { sim: { coin: sim-scrypt } }\n`);
    const parsed = parseScenario(text, 'events.yaml');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.events).toEqual([
      {
        kind: 'switch-network',
        atMs: 60_000,
        to: 'ltc2',
        canaryBps: 1000,
        rollback: { acceptanceBelowBps: 9500, withinMs: 300_000 },
      },
      { kind: 'node-outage', atMs: 120_000, network: 'ltc', forMs: 30_000 },
      { kind: 'slow-rpc', atMs: 180_000, network: 'ltc', delayMs: 800, forMs: 60_000 },
      { kind: 'reorg', atMs: 240_000, network: 'ltc', depth: 2 },
      {
        kind: 'hashrate-surge',
        atMs: 300_000,
        network: 'ltc',
        factor: { num: 3n, den: 2n },
        forMs: 600_000,
      },
      { kind: 'farm-leave', atMs: 360_000, farm: 'cpu-desktop', count: 1 },
      { kind: 'farm-join', atMs: 420_000, farm: 'cpu-desktop', count: undefined },
      {
        kind: 'net-latency',
        atMs: 480_000,
        farm: undefined,
        latencyMs: 40,
        jitterMs: 0,
        forMs: 60_000,
      },
      {
        kind: 'packet-fault',
        atMs: 540_000,
        farm: 'cpu-desktop',
        dropBps: 50,
        duplicateBps: 0,
        corruptBps: 0,
        resetBps: 0,
        forMs: 60_000,
      },
    ]);
  });

  it('types chains and events as unions a runner can narrow', () => {
    // Arrange
    const parsed = parseScenario(
      VALID.replace('gates:', 'events:\n  - { at: 1m, do: reorg, network: ltc, depth: 3 }\ngates:'),
      'test.yaml',
    );
    if (!parsed.ok) throw new Error('invalid');
    // Act
    const depths = parsed.scenario.events.map((e) => (e.kind === 'reorg' ? e.depth : 0));
    const chain = parsed.scenario.networks[0]?.chain;
    const hashrate = chain?.kind === 'sim' ? chain.externalHashrate : undefined;
    // Assert
    expect(depths).toEqual([3]);
    expect(hashrate).toBe(400_000_000_000n);
  });

  it('validates profiles and behaviours against the catalogue it is given', () => {
    const text = VALID.replace('profile: cpu-desktop', 'profile: quantum-rig, behaviour: sneaky');
    const catalogue = {
      knownProfiles: ['quantum-rig'],
      knownBehaviours: [{ id: 'sneaky', class: 'strategic' as const }],
    };
    const parsed = parseScenario(text, 'test.yaml', { catalogue });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.farms[0]).toMatchObject({
      behaviour: 'sneaky',
      behaviourClass: 'strategic',
    });
    expect(errorsOf(text)).toHaveLength(2);
  });
});

describe('parseScenario: where each kind of error points', () => {
  it('points YAML syntax errors at the offending place and checks nothing else', () => {
    expect(errorsOf('name: tiny\nseed: [1, 2\n')).toEqual([
      '3:1 : YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(errorsOf('name: tiny\nname: again\n')).toEqual([
      '2:1 : YAML syntax: Map keys must be unique',
    ]);
    expect(errorsOf('name: tiny\n\tseed: 2\n')).toEqual([
      '2:1 : YAML syntax: Tabs are not allowed as indentation',
    ]);
    expect(errorsOf('description: "unterminated\n')).toEqual([
      '2:1 : YAML syntax: Missing closing "quote',
    ]);
  });

  it('points an unknown key at the key, suggesting the near miss or listing the known keys', () => {
    expect(errorsOf(VALID.replace('pool:\n', 'pool:\n  vardif: {}\n'))).toEqual([
      "11:3 pool.vardif: unknown key 'vardif'; did you mean 'vardiff'?",
    ]);
    expect(errorsOf(VALID.replace('seed: 3', 'seed: 3\ncolour: blue'))).toEqual([
      "4:1 colour: unknown key 'colour'; expected one of: name, description, seed, fidelity, duration, networks, pool, farms, events, gates",
    ]);
  });

  it('points a wrong value at the value, saying what was expected and what was found', () => {
    expect(errorsOf(VALID.replace('duration: 1h', 'duration: 6 hours'))).toEqual([
      "5:11 duration: expected a duration like '250ms', '90s', '5m', '6h', '2d' or '1h30m', got \"6 hours\"",
    ]);
    expect(errorsOf(VALID.replace('count: 2', 'count: two'))).toEqual([
      '13:36 farms[0].count: expected a whole number >= 1, got "two"',
    ]);
    expect(errorsOf(VALID.replace('400GH', '400GB'))).toEqual([
      "9:50 networks[0].chain.sim.externalHashrate: expected a hashrate like '950kH', '400GH', '2PH' or '1.5 TH/s', got \"400GB\"",
    ]);
    expect(errorsOf(VALID.replace('fidelity: protocol', 'fidelity: protocl'))).toEqual([
      '4:11 fidelity: expected one of: wire, protocol, economics, got "protocl"',
    ]);
  });

  it('points a missing key at the mapping that lacks it', () => {
    expect(errorsOf(VALID.replace('seed: 3\n', ''))).toEqual([
      "1:1 seed: missing key 'seed': expected a whole number >= 0",
    ]);
    expect(
      errorsOf(VALID.replace('{ profile: cpu-desktop, count: 2 }', '{ profile: cpu-desktop }')),
    ).toEqual(["13:5 farms[0].count: missing key 'count': expected a whole number >= 1"]);
  });

  it('follows the chain form that was meant, and names the forms when none was', () => {
    expect(errorsOf(VALID.replace('coin: sim-scrypt', 'coin: dogecoin'))).toEqual([
      '9:20 networks[0].chain.sim.coin: expected a coin id, one of: litecoin-regtest, bitcoin-regtest, sim-sha256d, sim-scrypt, sim-blake3, got "dogecoin"',
    ]);
    expect(errorsOf(VALID.replace('sim: {', 'simulated: {'))).toEqual([
      '9:7 networks[0].chain: expected exactly one of: sim, rpc, regtest',
    ]);
  });

  it('names the event kinds when `do` is unknown or missing', () => {
    const kinds =
      'switch-network, node-outage, slow-rpc, reorg, hashrate-surge, farm-join, farm-leave, net-latency, packet-fault';
    expect(
      errorsOf(VALID.replace('gates:', 'events:\n  - { at: 1m, do: explode }\ngates:')),
    ).toEqual([`15:19 events[0].do: expected 'do' to be one of: ${kinds}, got "explode"`]);
    expect(errorsOf(VALID.replace('gates:', 'events:\n  - { at: 1m }\ngates:'))).toEqual([
      `15:5 events[0].do: missing key 'do': expected 'do' to be one of: ${kinds}`,
    ]);
  });

  it('points a cross-reference at the name that does not resolve', () => {
    expect(errorsOf(VALID.replace('network: ltc', 'network: lt'))).toEqual([
      "11:12 pool.network: unknown network 'lt'; did you mean 'ltc'?",
    ]);
    expect(
      errorsOf(
        VALID.replace(
          'gates:',
          'events:\n  - { at: 2h, do: reorg, network: ltc, depth: 1 }\ngates:',
        ),
      ),
    ).toEqual(['15:11 events[0].at: expected a time before the end of the run']);
  });

  it('refuses chains and events the fidelity cannot run', () => {
    const rpc = VALID.replace(
      'sim: { coin: sim-scrypt, externalHashrate: 400GH }',
      'rpc: { coin: litecoin-regtest, url: "http://u:p@127.0.0.1:19443" }',
    );
    expect(errorsOf(rpc)).toEqual([
      '9:12 networks[0].chain.rpc: a rpc chain needs fidelity wire: protocol runs use the in-process chain (sim) on a virtual clock',
    ]);
    expect(errorsOf(rpc.replace('fidelity: protocol', 'fidelity: wire'))).toEqual([]);
  });

  it('refuses more miners than one wire pool process can hold', () => {
    const text = VALID.replace('fidelity: protocol', 'fidelity: wire').replace(
      'count: 2',
      'count: 20000',
    );
    expect(errorsOf(text)).toEqual([
      '13:3 farms: a wire run holds at most 19000 miners in one pool process (this one has 20000); use protocol fidelity or fewer miners',
    ]);
  });

  it('points a gate error at the bad token inside the gate, plain or quoted', () => {
    expect(errorsOf(VALID.replace('acceptance(honest)', 'acceptence(honest)'))).toEqual([
      "15:5 gates[0]: unknown metric 'acceptence'; did you mean 'acceptance'?",
    ]);
    expect(
      errorsOf(VALID.replace('- acceptance(honest) >= 0.98', '- "acceptance(dishonest) >= 0.98"')),
    ).toEqual(["15:17 gates[0]: unknown selector 'dishonest'; did you mean 'honest'?"]);
    expect(errorsOf(VALID.replace('>= 0.98', '>= 0.98 lost_shares'))).toEqual([
      "15:32 gates[0]: unexpected 'lost_shares' after the threshold",
    ]);
    expect(errorsOf(VALID.replace('>= 0.98', ">= 0.98 %'"))).toEqual([
      "15:32 gates[0]: unexpected '%': expected a metric, a number or an operator",
    ]);
  });

  it('still reports gate errors when the rest of the file is invalid too', () => {
    const text = VALID.replace('seed: 3', 'seed: -3').replace('acceptance(honest)', 'acceptence');
    expect(errorsOf(text)).toEqual([
      '3:7 seed: expected a whole number >= 0, got -3',
      "15:5 gates[0]: unknown metric 'acceptence'; did you mean 'acceptance'?",
    ]);
  });

  it('reports every error in the file, in source order', () => {
    const text = VALID.replace('seed: 3', 'seed: x')
      .replace('count: 2', 'count: 0')
      .replace('duration: 1h', 'duration: 1y');
    expect(errorsOf(text).map((e) => e.split(' ')[0])).toEqual(['3:7', '5:11', '13:36']);
  });

  it('refuses an empty file and a file that is not a mapping', () => {
    expect(errorsOf('')[0]).toMatch(/^1:1 : expected a mapping with keys: name, description/);
    expect(errorsOf('- a\n- b\n')[0]).toMatch(/^1:1 : expected a mapping with keys/);
  });
});
