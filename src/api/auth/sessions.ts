import { audit, actorOf, type AuthContext, type RequestOrigin } from './auth-context.js';
import { sha256Hex } from './digest.js';
import type { OperatorAccount } from './operator-accounts.js';

export interface TokenPair {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresMs: number;
}

export type RefreshOutcome =
  | { readonly kind: 'ok'; readonly tokens: TokenPair }
  | { readonly kind: 'refused'; readonly why: 'unknown' | 'expired' | 'revoked' | 'reused' };

/** Access token plus the first refresh token of a new family. */
export async function openSession(ctx: AuthContext, account: OperatorAccount): Promise<TokenPair> {
  return issue(ctx, account, (next) =>
    ctx.refreshTokens.issue({
      ...next,
      familyId: ctx.secrets.randomBytes(16).toString('hex'),
      operatorId: account.id,
    }),
  );
}

/** Rotates a refresh token: the old one is used up; a reuse revokes its family. */
export async function refreshSession(
  ctx: AuthContext,
  refreshToken: string,
  from: RequestOrigin,
): Promise<RefreshOutcome> {
  const nowMs = ctx.clock.nowMs();
  const token = newRefreshToken(ctx);
  const outcome = await ctx.refreshTokens.rotate(sha256Hex(refreshToken), token.row, nowMs);
  if (outcome.kind === 'reused') {
    const account = await ctx.accounts.byId(outcome.operatorId);
    await audit(
      ctx,
      from,
      actorOf(account?.username ?? outcome.operatorId),
      'auth.refresh.reused',
      undefined,
      {
        family: outcome.familyId,
      },
    );
    return { kind: 'refused', why: 'reused' };
  }
  if (outcome.kind !== 'rotated') return { kind: 'refused', why: outcome.kind };
  const account = await ctx.accounts.byId(outcome.operatorId);
  if (account === undefined || account.disabled) {
    await ctx.refreshTokens.revokeAllOf(outcome.operatorId, nowMs);
    return { kind: 'refused', why: 'revoked' };
  }
  return {
    kind: 'ok',
    tokens: await pair(ctx, account, token.value, token.row.expiresMs),
  };
}

/** Logout: the refresh token's family is revoked (access tokens run out on their own). */
export async function closeSession(
  ctx: AuthContext,
  refreshToken: string,
  from: RequestOrigin,
): Promise<boolean> {
  const operatorId = await ctx.refreshTokens.revokeFamilyOf(
    sha256Hex(refreshToken),
    ctx.clock.nowMs(),
  );
  if (operatorId === undefined) return false;
  const account = await ctx.accounts.byId(operatorId);
  await audit(ctx, from, actorOf(account?.username ?? operatorId), 'auth.logout');
  return true;
}

async function issue(
  ctx: AuthContext,
  account: OperatorAccount,
  store: (row: { tokenHash: string; issuedMs: number; expiresMs: number }) => Promise<void>,
): Promise<TokenPair> {
  const token = newRefreshToken(ctx);
  await store(token.row);
  return pair(ctx, account, token.value, token.row.expiresMs);
}

async function pair(
  ctx: AuthContext,
  account: OperatorAccount,
  refreshToken: string,
  refreshExpiresMs: number,
): Promise<TokenPair> {
  const claims = { operatorId: account.id, username: account.username, role: account.role };
  const accessToken = await ctx.access.sign(claims, ctx.secrets.randomBytes(12).toString('hex'));
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: ctx.access.ttlSeconds,
    refreshToken,
    refreshExpiresMs,
  };
}

function newRefreshToken(ctx: AuthContext) {
  const value = ctx.secrets.randomBytes(32).toString('base64url');
  const issuedMs = ctx.clock.nowMs();
  return {
    value,
    row: { tokenHash: sha256Hex(value), issuedMs, expiresMs: issuedMs + ctx.refreshTtlMs },
  };
}
