import { createHmac, randomBytes } from 'node:crypto';

export interface RpcCredentials {
  readonly user: string;
  readonly password: string;
}

/**
 * Fresh credentials for one daemon. They come from the OS's CSPRNG, not the run's seeded Rng:
 * a password must not be replayable from a printed seed, and it changes no outcome of a run.
 */
export function newRpcCredentials(user = 'chimera'): RpcCredentials {
  return { user, password: randomBytes(24).toString('hex') };
}

/**
 * The `-rpcauth` value for the credentials: `user:salt$hmac`, HMAC-SHA256 keyed by the salt
 * text over the password, as Bitcoin Core's share/rpcauth/rpcauth.py writes it.
 */
export function rpcAuthValue(credentials: RpcCredentials, salt: string): string {
  if (credentials.user.includes(':')) throw new RangeError('an RPC user name cannot contain ":"');
  const hmac = createHmac('sha256', salt).update(credentials.password).digest('hex');
  return `${credentials.user}:${salt}$${hmac}`;
}

/** A salt for rpcAuthValue. */
export function newRpcSalt(): string {
  return randomBytes(16).toString('hex');
}
