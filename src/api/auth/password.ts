import { argon2id, argon2Verify } from 'hash-wasm';
import type { SecretSource } from '../ports.js';

export interface Argon2Cost {
  readonly memoryKiB: number;
  readonly iterations: number;
}

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_DEFAULT: Argon2Cost = { memoryKiB: 19_456, iterations: 2 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, encoded: string): Promise<boolean>;
  /** Spends what a verify costs, so an unknown username answers as slowly as a known one. */
  burn(password: string): Promise<void>;
}

/** argon2id through hash-wasm, encoded as `$argon2id$v=19$m=...,t=...,p=1$salt$hash`. */
export function argon2Hasher(secrets: SecretSource, cost: Argon2Cost): PasswordHasher {
  const hash = (password: string): Promise<string> =>
    argon2id({
      password,
      salt: secrets.randomBytes(16),
      parallelism: 1,
      iterations: cost.iterations,
      memorySize: cost.memoryKiB,
      hashLength: 32,
      outputType: 'encoded',
    });
  let decoy: Promise<string> | undefined;
  return {
    hash,
    verify: (password, encoded) => argon2Verify({ password, hash: encoded }),
    burn: async (password) => {
      decoy ??= hash('decoy password, never valid');
      await argon2Verify({ password, hash: await decoy });
    },
  };
}
