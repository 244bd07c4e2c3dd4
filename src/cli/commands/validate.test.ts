import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChimeraError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { validateCommand } from './validate.js';

const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

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

/** Runs `chimera validate ...args`; resolves to the error it threw, if any. */
async function validate(io: CliIo, ...args: string[]): Promise<unknown> {
  const program = new Command('chimera')
    .exitOverride()
    .addCommand(validateCommand(io).exitOverride());
  try {
    await program.parseAsync(['validate', ...args], { from: 'user' });
    return undefined;
  } catch (error) {
    return error;
  }
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chimera-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('chimera validate', () => {
  it('says ok for valid files and does not fail', async () => {
    // Arrange
    const io = memoryIo();
    // Act
    const error = await validate(io, join(SCENARIOS, 'demo.yaml'), join(SCENARIOS, 'reorg.yaml'));
    // Assert
    expect(error).toBeUndefined();
    expect(io.stdout).toContain(
      `${join(SCENARIOS, 'demo.yaml')}: ok (demo, protocol, 1h, 1 network, 5 miners in 3 farms, 1 events, 6 gates)`,
    );
    expect(io.stdout).toContain('reorg.yaml: ok (reorg, protocol, 4h');
    expect(io.stderr).toBe('');
  });

  it('prints every error as file:line:col and fails with SCENARIO_INVALID (exit code 2 in main)', async () => {
    // Arrange
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'name: Bad\nseed: -1\n');
    const io = memoryIo();
    // Act
    const error = await validate(io, join(SCENARIOS, 'demo.yaml'), bad);
    // Assert
    expect(error).toBeInstanceOf(ChimeraError);
    expect(error).toMatchObject({ code: 'SCENARIO_INVALID' });
    expect((error as Error).message).toMatch(/in 1 scenario file$/);
    const lines = io.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: description: missing key`),
    );
    expect(lines).toContain(
      `${bad}:1:7: name: expected a scenario id: lowercase letters, digits and '-' (like 'ltc' or 'asic-farm'), got "Bad"`,
    );
    expect(lines).toContain(`${bad}:2:7: seed: expected a whole number >= 0, got -1`);
    expect(lines.every((l) => /^.+:\d+:\d+: /.test(l))).toBe(true);
  });

  it('reports a file it cannot read as an invalid file', async () => {
    const io = memoryIo();
    const missing = join(dir, 'missing.yaml');
    expect(await validate(io, missing)).toMatchObject({ code: 'SCENARIO_INVALID' });
    expect(io.stderr).toMatch(new RegExp(`missing.yaml:1:1: cannot read the file`));
  });
});
