import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { LITECOIND_INSTALL_HINT, regtestError } from './errors.js';

/**
 * Where Debian puts litecoind. The real binary comes first: `/usr/bin/litecoind` is a wrapper
 * script that writes `$HOME/.litecoin/litecoin.conf` before it runs it.
 */
export const LITECOIND_CANDIDATES: readonly string[] = [
  '/usr/lib/litecoin/litecoind',
  '/usr/bin/litecoind',
  '/usr/local/bin/litecoind',
];

/** The first candidate that exists and is executable, else undefined. */
export async function findLitecoind(
  candidates: readonly string[] = LITECOIND_CANDIDATES,
): Promise<string | undefined> {
  for (const path of candidates) {
    if (await isExecutable(path)) return path;
  }
  return undefined;
}

/** The binary to run: the one named, or the first candidate found; throws when there is none. */
export async function requireLitecoind(
  binary?: string,
  candidates: readonly string[] = LITECOIND_CANDIDATES,
): Promise<string> {
  if (binary !== undefined) {
    if (await isExecutable(binary)) return binary;
    throw regtestError(
      'REGTEST_DAEMON_MISSING',
      `litecoind '${binary}' does not exist or is not executable; ${LITECOIND_INSTALL_HINT}`,
      { binary },
    );
  }
  const found = await findLitecoind(candidates);
  if (found !== undefined) return found;
  throw regtestError(
    'REGTEST_DAEMON_MISSING',
    `litecoind not found in ${candidates.join(', ')}; ${LITECOIND_INSTALL_HINT}`,
    { candidates },
  );
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
