import { readFile } from 'node:fs/promises';
import { rpcError } from './rpc-errors.js';

/** How the client proves itself to the daemon. */
export type RpcCredentials =
  | { readonly kind: 'password'; readonly user: string; readonly password: string }
  /** `<datadir>/<network>/.cookie`, holding `__cookie__:<password>`; rewritten at each start. */
  | { readonly kind: 'cookie'; readonly path: string }
  | { readonly kind: 'none' };

/**
 * The Authorization header for the daemon. Cookie files are read lazily and again after a
 * 401, because the daemon writes a fresh cookie each time it starts.
 */
export class RpcAuth {
  private cached: string | undefined;

  constructor(private readonly credentials: RpcCredentials) {
    if (credentials.kind === 'password')
      this.cached = basic(credentials.user, credentials.password);
  }

  get usesCookie(): boolean {
    return this.credentials.kind === 'cookie';
  }

  async header(): Promise<string | undefined> {
    if (this.credentials.kind === 'none') return undefined;
    this.cached ??= await this.readCookie();
    return this.cached;
  }

  /** After a 401: re-reads the cookie. True when it changed, so one more try is worth it. */
  async refresh(): Promise<boolean> {
    if (this.credentials.kind !== 'cookie') return false;
    const before = this.cached;
    this.cached = await this.readCookie();
    return this.cached !== before;
  }

  private async readCookie(): Promise<string> {
    if (this.credentials.kind !== 'cookie') throw new Error('unreachable: not cookie auth');
    const path = this.credentials.path;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      // The daemon deletes its cookie on shutdown: a missing file means a daemon that is down.
      throw rpcError('RPC_UNREACHABLE', `cannot read cookie file ${path}: daemon not running?`, {
        cookieFile: path,
        cause: err instanceof Error ? err.message : String(err),
      });
    }
    const line = text.trim();
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw rpcError('RPC_UNAUTHORIZED', `cookie file ${path} is not user:password`, {
        cookieFile: path,
      });
    }
    return basic(line.slice(0, colon), line.slice(colon + 1));
  }
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}
