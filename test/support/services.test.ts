import { describe, expect, it } from 'vitest';
import { serviceGate, servicesRequired, type GateEffects } from './services.js';

/** Effects that record what the gate did instead of registering tests or printing. */
function recorder(env: Record<string, string | undefined>, probeTimeoutMs = 1_000) {
  const failing: { title: string; fn: () => void }[] = [];
  const skipped: string[] = [];
  const reports: string[] = [];
  const effects: GateEffects = {
    env,
    failingTest: (title, fn) => failing.push({ title, fn }),
    skippedTest: (title) => skipped.push(title),
    report: (line) => reports.push(line),
    probeTimeoutMs,
  };
  return { effects, failing, skipped, reports };
}

const available = (): Promise<string | undefined> => Promise.resolve(undefined);
const missing = (): Promise<string | undefined> => Promise.resolve('no binary in /usr/bin');

describe('servicesRequired', () => {
  it.each([
    [{}, false],
    [{ CI: 'true' }, true],
    [{ CI: '1' }, true],
    [{ CHIMERA_REQUIRE_SERVICES: '1' }, true],
    [{ CI: '' }, false],
    [{ CI: '0' }, false],
    [{ CI: 'false', CHIMERA_REQUIRE_SERVICES: 'FALSE' }, false],
    [{ CI: 'false', CHIMERA_REQUIRE_SERVICES: 'yes' }, true],
  ])('%j -> %s', (env, expected) => {
    expect(servicesRequired(env)).toBe(expected);
  });
});

describe('serviceGate', () => {
  it('runs the suite when the probe finds the service, and registers nothing', async () => {
    // Arrange
    const r = recorder({ CI: 'true' });
    // Act
    const gate = await serviceGate('litecoind', available, r.effects);
    // Assert
    expect(gate).toEqual({ service: 'litecoind', skip: false, reason: undefined, required: true });
    expect([r.failing, r.skipped, r.reports]).toEqual([[], [], []]);
  });

  it('skips without the service on a developer machine, saying why', async () => {
    const r = recorder({});
    const gate = await serviceGate('litecoind', missing, r.effects);
    expect(gate).toMatchObject({ skip: true, required: false, reason: 'no binary in /usr/bin' });
    expect(r.failing).toEqual([]);
    expect(r.skipped).toEqual(['litecoind unavailable: no binary in /usr/bin']);
    expect(r.reports).toHaveLength(1);
    expect(r.reports[0]).toContain('litecoind');
    expect(r.reports[0]).toContain('no binary in /usr/bin');
  });

  it.each([{ CI: 'true' }, { CHIMERA_REQUIRE_SERVICES: '1' }])(
    'fails without the service when required (%j): one test that names it and why',
    async (env) => {
      // Arrange
      const r = recorder(env);
      // Act
      const gate = await serviceGate('Redis', missing, r.effects);
      // Assert
      expect(gate).toMatchObject({ skip: true, required: true });
      expect(r.skipped).toEqual([]);
      expect(r.failing).toHaveLength(1);
      const [failure] = r.failing;
      expect(failure?.title).toBe('Redis is available');
      expect(() => failure?.fn()).toThrow(/Redis is required in this run \((CI|CHIMERA)/);
      expect(() => failure?.fn()).toThrow(/unavailable: no binary in \/usr\/bin/);
    },
  );

  it('counts a probe that throws as the service being unavailable, with its message', async () => {
    const r = recorder({});
    const gate = await serviceGate(
      'PostgreSQL',
      () => Promise.reject(new Error('ECONNREFUSED')),
      r.effects,
    );
    expect(gate.skip).toBe(true);
    expect(gate.reason).toBe('the probe failed: ECONNREFUSED');
  });

  it('counts a probe that never answers as unavailable once its time is up', async () => {
    const r = recorder({ CI: 'true' }, 20);
    const gate = await serviceGate('PostgreSQL', () => new Promise(() => undefined), r.effects);
    expect(gate.reason).toBe('the probe did not answer within 20 ms');
    expect(r.failing).toHaveLength(1);
  });
});
