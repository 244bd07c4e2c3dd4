import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rpcServerError } from './rpc-server-errors.js';

/** bitcoind's cookie user: the password changes at every start. */
export const COOKIE_USER = '__cookie__';
export const COOKIE_FILE_NAME = '.cookie';

/**
 * A fresh cookie password, 32 random bytes as hex like bitcoind's. From the OS, not the
 * simulator's seeded Rng: a secret anyone could replay from the seed would guard nothing.
 */
export function newCookieSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Writes `<dir>/.cookie` as `__cookie__:<secret>`, readable by its owner only, through a
 * temporary file and a rename so a client never reads half a cookie. Returns its path.
 */
export async function writeCookie(dir: string, secret: string): Promise<string> {
  const path = join(dir, COOKIE_FILE_NAME);
  const temp = `${path}.tmp`;
  try {
    await writeFile(temp, `${COOKIE_USER}:${secret}`, { mode: 0o600 });
    await rename(temp, path);
  } catch (err) {
    throw rpcServerError('SIM_RPC_COOKIE', `cannot write the cookie file ${path}`, {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  return path;
}

/** bitcoind deletes its cookie on shutdown: clients then know the daemon is down. */
export async function removeCookie(path: string): Promise<void> {
  await rm(path, { force: true });
}
