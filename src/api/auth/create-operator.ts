import { apiError } from '../api-errors.js';
import type { AuthContext } from './auth-context.js';
import { USERNAME, type OperatorAccount } from './operator-accounts.js';
import type { Role } from './roles.js';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * Hashes the password (argon2id) and creates the account; 'exists' when the username is
 * taken. Throws OPERATOR_INVALID for a malformed username or a short password (the API's
 * schemas refuse those first; the command line relies on this).
 */
export async function createOperator(
  ctx: Pick<AuthContext, 'accounts' | 'hasher' | 'clock'>,
  input: { readonly username: string; readonly password: string; readonly role: Role },
): Promise<OperatorAccount | 'exists'> {
  if (!USERNAME.test(input.username)) {
    throw apiError('OPERATOR_INVALID', `username '${input.username}' is not 2-64 of a-z 0-9 . _ -`);
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw apiError(
      'OPERATOR_INVALID',
      `the password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  const passwordHash = await ctx.hasher.hash(input.password);
  return ctx.accounts.create(
    { username: input.username, passwordHash, role: input.role },
    ctx.clock.nowMs(),
  );
}
