import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenarioYaml } from '../../scenarios/run/run.fixtures.js';
import type { CliIo } from '../io.js';
import { main } from '../main.js';

function memoryIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    waitForSignal: () => Promise.resolve(),
    env: {},
  };
  return io;
}

let dir = '';
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chimera-run-'));
  await writeFile(file('small.yaml'), smallScenarioYaml());
  await writeFile(
    file('impossible.yaml'),
    smallScenarioYaml({ gates: ['acceptance(honest) > 1', 'blocks.found >= 1'] }),
  );
  await writeFile(
    file('economics.yaml'),
    smallScenarioYaml({ fidelity: 'economics', events: '  []' }),
  );
  await writeFile(file('broken.yaml'), smallScenarioYaml().replace('count: 3', 'count: -3'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chimera run', () => {
  it('exits 0 when every gate passes, prints the seed and the final table, writes the reports', async () => {
    // Arrange
    const io = memoryIo();
    const out = file('reports-ok');
    // Act
    const code = await main(['run', file('small.yaml'), '--ci', '--out', out], io);
    // Assert
    expect(code).toBe(0);
    expect(io.stderr).toBe('');
    expect(io.stdout).toContain(`chimera run: run-small (protocol), seed 7, reports in ${out}`);
    expect(io.stdout).toContain('PASSED');
    expect(io.stdout).toContain(`seed 7; reports: ${out}`);
    expect((await readdir(out)).sort()).toEqual([
      'junit.xml',
      'report.md',
      'summary.json',
      'wall.json',
    ]);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8')) as {
      passed: boolean;
    };
    expect(summary.passed).toBe(true);
  });

  it('takes --seed, and replays the same summary.json for it', async () => {
    const [a, b] = [file('seed-a'), file('seed-b')];
    expect(
      await main(['run', file('small.yaml'), '--ci', '--seed', '11', '--out', a], memoryIo()),
    ).toBe(0);
    expect(
      await main(['run', file('small.yaml'), '--ci', '--seed', '11', '--out', b], memoryIo()),
    ).toBe(0);
    const summary = await readFile(join(a, 'summary.json'), 'utf8');
    expect(await readFile(join(b, 'summary.json'), 'utf8')).toBe(summary);
    expect(summary).toContain('"seed": 11');
  });

  it('exits 1 when a gate fails, naming how to replay the run', async () => {
    // Arrange
    const io = memoryIo();
    // Act
    const code = await main(
      ['run', file('impossible.yaml'), '--ci', '--out', file('reports-bad')],
      io,
    );
    // Assert
    expect(code).toBe(1);
    expect(io.stderr).toContain('RUN_GATES_FAILED: 1 of 2 gates failed');
    expect(io.stderr).toContain('--seed 7');
    expect(io.stdout).toContain('FAILED');
  });

  it('exits 2 for an invalid scenario, with file, line and column', async () => {
    const io = memoryIo();
    const code = await main(['run', file('broken.yaml'), '--ci'], io);
    expect(code).toBe(2);
    expect(io.stderr).toMatch(/broken\.yaml:\d+:\d+: farms\[0\]\.count: /);
    expect(io.stderr).toContain('SCENARIO_INVALID');
  });

  it('exits 2 for a fidelity it cannot run yet, saying which it can', async () => {
    const io = memoryIo();
    const code = await main(['run', file('economics.yaml'), '--ci'], io);
    expect(code).toBe(2);
    expect(io.stderr).toContain('RUN_FIDELITY_UNSUPPORTED');
    expect(io.stderr).toContain('the runner runs protocol fidelity');
  });

  it('exits 2 for a seed that is not a whole number', async () => {
    const io = memoryIo();
    expect(await main(['run', file('small.yaml'), '--seed', 'x1'], io)).toBe(2);
    expect(io.stderr).toContain('--seed needs a whole number');
  });
});
