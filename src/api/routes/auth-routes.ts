import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit, actorOf } from '../auth/auth-context.js';
import { login } from '../auth/login.js';
import { beginEnrolment, confirmEnrolment } from '../auth/mfa.js';
import { closeSession, refreshSession } from '../auth/sessions.js';
import { totpFor, totpStep } from '../auth/totp.js';
import { route } from '../http/route.js';
import { Refusal } from '../http/refusal.js';
import type { ApiServices } from '../services.js';
import { password, username } from './account-fields.js';

const TAGS = ['auth'];
const totpCode = z
  .string()
  .regex(/^\d{6}$/)
  .describe('6-digit code from the authenticator app');
const tokenPair = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.int().describe('seconds'),
  refreshToken: z.string(),
  refreshExpiresMs: z.int(),
});
const refreshBody = z.object({ refreshToken: z.string().min(20).max(200) });
const invalid = () => new Refusal(401, 'INVALID_CREDENTIALS', 'wrong username, password or code');

/** Login, refresh, logout, the caller's own account, MFA enrolment, password change. */
export function authRoutes(app: FastifyInstance, s: ApiServices): void {
  const ctx = s.auth;

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/login',
      summary: 'Log in: an access token (JWT) and a refresh token',
      tags: TAGS,
      rateLimit: { limit: s.config.loginRateLimitPerMinute, windowMs: 60_000 },
      body: z.object({
        username,
        password: z.string().min(1).max(1024),
        totp: totpCode.optional(),
        backupCode: z.string().min(16).max(32).optional(),
      }),
      response: tokenPair,
    },
    async ({ body, from }) => {
      const outcome = await login(ctx, body, from);
      switch (outcome.kind) {
        case 'ok':
          return outcome.tokens;
        case 'invalid':
        case 'mfa-invalid':
          return invalid();
        case 'mfa-required':
          return new Refusal(401, 'MFA_REQUIRED', 'this account needs a TOTP or backup code');
        case 'locked':
          return new Refusal(423, 'LOCKED', 'too many failed logins; try again later', {
            'retry-after': String(Math.ceil(outcome.retryAfterMs / 1000)),
          });
      }
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      summary: 'Trade a refresh token for new tokens (the old one is used up)',
      tags: TAGS,
      body: refreshBody,
      response: tokenPair,
    },
    async ({ body, from }) => {
      const outcome = await refreshSession(ctx, body.refreshToken, from);
      if (outcome.kind === 'ok') return outcome.tokens;
      return new Refusal(401, 'REFRESH_REFUSED', `refresh token ${outcome.why}`);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/logout',
      summary: "Revoke a refresh token's whole family",
      tags: TAGS,
      body: refreshBody,
      response: z.object({ revoked: z.boolean() }),
    },
    async ({ body, from }) => ({ revoked: await closeSession(ctx, body.refreshToken, from) }),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/auth/me',
      summary: "The caller's account",
      tags: TAGS,
      role: 'viewer',
      response: z.object({
        username: z.string(),
        role: z.string(),
        mfaEnabled: z.boolean(),
        backupCodesLeft: z.int(),
      }),
    },
    async ({ request }) => {
      const me = request.operator!;
      return {
        username: me.username,
        role: me.role,
        mfaEnabled: me.mfaEnabled,
        backupCodesLeft: await ctx.backupCodes.remaining(me.id),
      };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/mfa/enrol',
      summary:
        'Start TOTP enrolment: the otpauth:// URI to scan (password, and a current code if MFA is on)',
      tags: TAGS,
      role: 'viewer',
      body: z.object({ password: z.string().min(1).max(1024), totp: totpCode.optional() }),
      response: z.object({ otpauthUri: z.string(), secret: z.string() }),
    },
    async ({ request, body, from }) => {
      const me = request.operator!;
      if (!(await ctx.hasher.verify(body.password, me.passwordHash))) return invalid();
      if (me.mfaEnabled) {
        const step =
          body.totp === undefined || me.mfaSecret === undefined
            ? undefined
            : totpStep(
                totpFor(me.mfaSecret, ctx.mfaIssuer, me.username),
                body.totp,
                ctx.clock.nowMs(),
              );
        if (step === undefined || !(await ctx.accounts.claimTotpStep(me.id, step)))
          return invalid();
      }
      return beginEnrolment(ctx, me, from);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/mfa/confirm',
      summary: 'Confirm enrolment with a code: MFA is on; backup codes are shown this once',
      tags: TAGS,
      role: 'viewer',
      body: z.object({ code: totpCode }),
      response: z.object({ backupCodes: z.array(z.string()) }),
    },
    async ({ request, body, from }) => {
      const me = request.operator!;
      if (me.mfaSecret === undefined) {
        return new Refusal(
          409,
          'MFA_NOT_ENROLLING',
          'start enrolment first (POST /api/v1/auth/mfa/enrol)',
        );
      }
      const codes = await confirmEnrolment(ctx, me, body.code, from);
      return codes === undefined ? invalid() : { backupCodes: [...codes] };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/auth/password',
      summary: "Change the caller's password; every session of the account ends",
      tags: TAGS,
      role: 'viewer',
      body: z.object({ currentPassword: z.string().min(1).max(1024), newPassword: password }),
      response: z.object({ sessionsRevoked: z.int() }),
    },
    async ({ request, body, from }) => {
      const me = request.operator!;
      if (!(await ctx.hasher.verify(body.currentPassword, me.passwordHash))) return invalid();
      const nowMs = ctx.clock.nowMs();
      await ctx.accounts.update(
        me.id,
        { passwordHash: await ctx.hasher.hash(body.newPassword) },
        nowMs,
      );
      const sessionsRevoked = await ctx.refreshTokens.revokeAllOf(me.id, nowMs);
      await audit(ctx, from, actorOf(me.username), 'auth.password.changed');
      return { sessionsRevoked };
    },
  );
}
