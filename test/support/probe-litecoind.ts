import { execFile } from 'node:child_process';
import { delimiter, join } from 'node:path';
import {
  findLitecoind,
  LITECOIND_CANDIDATES,
  LITECOIND_INSTALL_HINT,
} from '../../src/regtest/index.js';

/**
 * Where tests look for litecoind: CHIMERA_LITECOIND when set, the Debian paths, then PATH.
 * src/regtest reads no environment, so tests pass what they find as `binary`.
 */
export function litecoindCandidates(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const fromPath = (env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'litecoind'));
  const override = env['CHIMERA_LITECOIND'];
  return [...(override ? [override] : []), ...LITECOIND_CANDIDATES, ...fromPath];
}

/** The litecoind the tests will run, or undefined when there is none. */
export function litecoindBinary(): Promise<string | undefined> {
  return findLitecoind(litecoindCandidates());
}

/** litecoind is usable when a binary is found and `-version` runs and names Litecoin Core. */
export async function probeLitecoind(
  candidates: readonly string[] = litecoindCandidates(),
): Promise<string | undefined> {
  const binary = await findLitecoind(candidates);
  if (binary === undefined) {
    return `no litecoind binary (looked in ${[...new Set(candidates)].join(', ')}); ${LITECOIND_INSTALL_HINT}`;
  }
  return new Promise((resolve) => {
    execFile(binary, ['-version'], { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) resolve(`${binary} -version failed: ${err.message} ${stderr}`.trim());
      else if (!stdout.includes('Litecoin Core'))
        resolve(`${binary} is not Litecoin Core: ${stdout}`);
      else resolve(undefined);
    });
  });
}
