import { rpcError } from './rpc-errors.js';
import type { HttpTarget } from './http-post.js';

export interface ParsedRpcUrl {
  readonly target: HttpTarget;
  /** The URL without credentials, safe to log. */
  readonly endpoint: string;
  readonly user?: string;
  readonly password?: string;
}

/** `http://user:pass@host:port/path` -> where to connect and who to be. Daemons speak plain HTTP. */
export function parseRpcUrl(url: string): ParsedRpcUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw rpcError('RPC_CONFIG', 'RPC URL is not a URL');
  }
  if (u.protocol !== 'http:') {
    throw rpcError('RPC_CONFIG', `RPC URL must be http:, not ${u.protocol}`);
  }
  // URL keeps IPv6 hosts bracketed; node:http wants them bare.
  const hostname = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = u.port === '' ? 80 : Number(u.port);
  const path = `${u.pathname}${u.search}`;
  const endpoint = `http://${u.host}${path}`;
  const target: HttpTarget = { hostname, port, path };
  if (u.username === '' && u.password === '') return { target, endpoint };
  return {
    target,
    endpoint,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}
