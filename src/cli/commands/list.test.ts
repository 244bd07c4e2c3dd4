import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { listCommand } from './list.js';

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

async function list(io: CliIo, ...args: string[]): Promise<void> {
  const program = new Command('chimera').exitOverride().addCommand(listCommand(io).exitOverride());
  await program.parseAsync(['list', ...args], { from: 'user' });
}

describe('chimera list', () => {
  it('lists every example scenario with its fidelity, duration and description, sorted', async () => {
    // Arrange
    const io = memoryIo();
    // Act
    await list(io, SCENARIOS);
    // Assert
    const lines = io.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^ci-load-gate\.yaml\s+wire\s+1m30s\s+Release gate over real TCP/);
    expect(io.stdout).toMatch(
      /\ndemo\.yaml\s+protocol\s+1h\s+An hour of a Litecoin-like pool in seconds, with cheaters and a reorg\n/,
    );
    expect(io.stdout).toMatch(/pplns-economics\.yaml\s+economics\s+28d\s+Four weeks/);
    expect(io.stdout).not.toContain('scenario.schema.json');
  });

  it('marks invalid files instead of hiding them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chimera-list-'));
    try {
      await writeFile(join(dir, 'broken.yml'), 'name: [\n');
      const io = memoryIo();
      await list(io, dir);
      expect(io.stdout).toBe(
        `broken.yml  -  -  invalid: 1 error (chimera validate ${join(dir, 'broken.yml')})\n`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a directory it cannot read', async () => {
    await expect(list(memoryIo(), join(SCENARIOS, 'no-such-dir'))).rejects.toMatchObject({
      code: 'CLI_USAGE_INVALID',
    });
  });
});
