import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load/load-scenario.js';
import { scenarioJsonSchema } from './schema/json-schema.js';

const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = (await readdir(SCENARIOS_DIR)).filter((name) => name.endsWith('.yaml')).sort();

describe('scenarios/', () => {
  it('holds the example scenarios the README and CI name', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'demo.yaml',
        'honest-steady.yaml',
        'malicious-miners.yaml',
        'vardiff-mixed.yaml',
        'pplns-economics.yaml',
        'pool-hopping.yaml',
        'network-switch.yaml',
        'node-outage.yaml',
        'reorg.yaml',
        'ci-load-gate.yaml',
        'regtest-litecoind.yaml',
      ]),
    );
  });

  it.each(files)('%s validates, and its name matches its file', async (name) => {
    // Act
    const parsed = await loadScenario(`${SCENARIOS_DIR}${name}`);
    // Assert
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(`${parsed.scenario.name}.yaml`).toBe(name);
  });

  it.each(files)('%s points editors at the JSON Schema', async (name) => {
    const text = await readFile(`${SCENARIOS_DIR}${name}`, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
  });

  it('has an up-to-date scenario.schema.json (regenerate: see write-json-schema.ts)', async () => {
    const committed: unknown = JSON.parse(
      await readFile(`${SCENARIOS_DIR}scenario.schema.json`, 'utf8'),
    );
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
