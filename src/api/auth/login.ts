import { audit, actorOf, type AuthContext, type RequestOrigin } from './auth-context.js';
import { sha256Hex } from './digest.js';
import { lockMsAfter } from './lockout.js';
import { normaliseBackupCode } from './mfa.js';
import type { OperatorAccount } from './operator-accounts.js';
import { openSession, type TokenPair } from './sessions.js';
import { totpFor, totpStep } from './totp.js';

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly totp?: string | undefined;
  readonly backupCode?: string | undefined;
}

export type LoginOutcome =
  | { readonly kind: 'ok'; readonly tokens: TokenPair; readonly account: OperatorAccount }
  /** Unknown user, wrong password or disabled account: one answer for all three. */
  | { readonly kind: 'invalid' }
  | { readonly kind: 'locked'; readonly retryAfterMs: number }
  /** The password was right; the account has MFA and no code came. */
  | { readonly kind: 'mfa-required' }
  | { readonly kind: 'mfa-invalid' };

/**
 * Password (argon2id), then the second factor when the account has one (a TOTP code, each
 * time step once, or a backup code, each once). Failures count towards the lockout in
 * lockout.ts; every attempt lands in the audit log.
 */
export async function login(
  ctx: AuthContext,
  input: LoginInput,
  from: RequestOrigin,
): Promise<LoginOutcome> {
  const nowMs = ctx.clock.nowMs();
  const account = await ctx.accounts.byUsername(input.username);
  if (account === undefined || account.disabled) {
    await ctx.hasher.burn(input.password);
    await audit(ctx, from, input.username, 'auth.login.failed', undefined, {
      reason: account === undefined ? 'unknown-user' : 'disabled',
    });
    return { kind: 'invalid' };
  }
  const actor = actorOf(account.username);
  if (account.lockedUntilMs !== undefined && account.lockedUntilMs > nowMs) {
    await audit(ctx, from, actor, 'auth.login.refused', undefined, {
      reason: 'locked',
      lockedUntilMs: account.lockedUntilMs,
    });
    return { kind: 'locked', retryAfterMs: account.lockedUntilMs - nowMs };
  }
  if (!(await ctx.hasher.verify(input.password, account.passwordHash))) {
    return fail(ctx, account, from, 'password', { kind: 'invalid' });
  }
  if (account.mfaEnabled) {
    const second = await secondFactor(ctx, account, input, nowMs);
    if (second === 'missing') {
      await audit(ctx, from, actor, 'auth.login.mfa-required');
      return { kind: 'mfa-required' };
    }
    if (second === 'invalid') return fail(ctx, account, from, 'mfa', { kind: 'mfa-invalid' });
    if (second === 'backup-code') await audit(ctx, from, actor, 'auth.backup-code.used');
  }
  await ctx.accounts.clearFailures(account.id, nowMs);
  const tokens = await openSession(ctx, account);
  await audit(ctx, from, actor, 'auth.login.ok', undefined, { mfa: account.mfaEnabled });
  return { kind: 'ok', tokens, account };
}

async function secondFactor(
  ctx: AuthContext,
  account: OperatorAccount,
  input: LoginInput,
  nowMs: number,
): Promise<'totp' | 'backup-code' | 'missing' | 'invalid'> {
  if (input.totp !== undefined && account.mfaSecret !== undefined) {
    const step = totpStep(
      totpFor(account.mfaSecret, ctx.mfaIssuer, account.username),
      input.totp,
      nowMs,
    );
    const claimed = step !== undefined && (await ctx.accounts.claimTotpStep(account.id, step));
    return claimed ? 'totp' : 'invalid';
  }
  if (input.backupCode !== undefined) {
    const hash = sha256Hex(normaliseBackupCode(input.backupCode));
    return (await ctx.backupCodes.use(account.id, hash, nowMs)) ? 'backup-code' : 'invalid';
  }
  return 'missing';
}

async function fail<T extends LoginOutcome>(
  ctx: AuthContext,
  account: OperatorAccount,
  from: RequestOrigin,
  factor: 'password' | 'mfa',
  outcome: T,
): Promise<T> {
  const nowMs = ctx.clock.nowMs();
  const failures = await ctx.accounts.failed(account.id, nowMs);
  const lockMs = lockMsAfter(failures);
  if (lockMs > 0) await ctx.accounts.lock(account.id, nowMs + lockMs);
  await audit(ctx, from, actorOf(account.username), 'auth.login.failed', undefined, {
    reason: factor,
    failures,
    ...(lockMs > 0 ? { lockedUntilMs: nowMs + lockMs } : {}),
  });
  return outcome;
}
