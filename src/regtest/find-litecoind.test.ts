import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChimeraError } from '../errors.js';
import { WallScheduler, wallClock } from '../runtime/index.js';
import { findLitecoind, requireLitecoind } from './find-litecoind.js';
import { startLitecoinRegtest } from './regtest-node.js';

let dir: string;
let executable: string;
let plain: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chimera-find-'));
  executable = join(dir, 'litecoind');
  plain = join(dir, 'not-executable');
  await writeFile(executable, '#!/bin/sh\n');
  await chmod(executable, 0o755);
  await writeFile(plain, '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function codeOf(p: Promise<unknown>): Promise<ChimeraError> {
  const err: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ChimeraError))
    throw new Error(`expected a ChimeraError, got ${String(err)}`);
  return err;
}

describe('findLitecoind / requireLitecoind', () => {
  it('picks the first candidate that exists and is executable', async () => {
    expect(await findLitecoind(['/nonexistent', plain, executable])).toBe(executable);
    expect(await findLitecoind(['/nonexistent', plain])).toBeUndefined();
  });

  it('throws REGTEST_DAEMON_MISSING with the apt command when there is none', async () => {
    const err = await codeOf(requireLitecoind(undefined, ['/nonexistent/litecoind']));
    expect(err.code).toBe('REGTEST_DAEMON_MISSING');
    expect(err.message).toContain('apt-get install -y litecoind');
    expect(err.message).toContain('/nonexistent/litecoind');
  });

  it('checks a binary named explicitly instead of searching', async () => {
    expect(await requireLitecoind(executable, [])).toBe(executable);
    expect((await codeOf(requireLitecoind(plain))).code).toBe('REGTEST_DAEMON_MISSING');
  });

  it('startLitecoinRegtest fails the same way before it creates anything', async () => {
    const wall = new WallScheduler(wallClock);
    const err = await codeOf(
      startLitecoinRegtest({ scheduler: wall, binary: '/nonexistent/litecoind', tempDir: dir }),
    );
    expect(err.code).toBe('REGTEST_DAEMON_MISSING');
    expect(err.message).toContain('apt-get install -y litecoind');
  });
});
