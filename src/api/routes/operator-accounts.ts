import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit, actorOf } from '../auth/auth-context.js';
import { createOperator } from '../auth/create-operator.js';
import type { OperatorAccount } from '../auth/operator-accounts.js';
import { ROLES } from '../auth/roles.js';
import { route } from '../http/route.js';
import { notFound, Refusal } from '../http/refusal.js';
import type { ApiServices } from '../services.js';
import { password, username } from './account-fields.js';

const TAGS = ['operators'];
const accountView = z.object({
  username: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  mfaEnabled: z.boolean(),
  failedLogins: z.int(),
  lockedUntilMs: z.int().nullable(),
  createdMs: z.int(),
});
const byUsername = z.object({ username });

/** Operator accounts: admins create them, change roles, disable, unlock, end sessions. */
export function operatorAccountRoutes(app: FastifyInstance, s: ApiServices): void {
  const ctx = s.auth;
  const target = async (name: string) => ctx.accounts.byUsername(name);

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/operator/accounts',
      summary: 'Operator accounts',
      tags: TAGS,
      role: 'admin',
      response: z.object({ accounts: z.array(accountView) }),
    },
    async () => ({ accounts: (await ctx.accounts.list()).map(accountOut) }),
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/accounts',
      summary: 'Create an operator account',
      tags: TAGS,
      role: 'admin',
      status: 201,
      body: z.object({ username, password, role: z.enum(ROLES) }),
      response: accountView,
    },
    async ({ request, body, from }) => {
      const created = await createOperator(ctx, body);
      if (created === 'exists')
        return new Refusal(409, 'OPERATOR_EXISTS', `operator ${body.username} exists`);
      await audit(
        ctx,
        from,
        actorOf(request.operator!.username),
        'operator.create',
        body.username,
        {
          role: body.role,
        },
      );
      return accountOut(created);
    },
  );

  route(
    app,
    {
      method: 'PATCH',
      url: '/api/v1/operator/accounts/:username',
      summary: "Change an account's role or disable it (its sessions end)",
      tags: TAGS,
      role: 'admin',
      params: byUsername,
      body: z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }),
      response: accountView,
    },
    async ({ request, params, body, from }) => {
      const before = await target(params.username);
      if (before === undefined) return notFound(`operator ${params.username}`);
      const me = request.operator!;
      if (
        before.id === me.id &&
        (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))
      ) {
        return new Refusal(
          409,
          'SELF_LOCKOUT',
          'an admin cannot demote or disable their own account',
        );
      }
      const nowMs = ctx.clock.nowMs();
      await ctx.accounts.update(before.id, body, nowMs);
      const revoked = await ctx.refreshTokens.revokeAllOf(before.id, nowMs);
      await audit(ctx, from, actorOf(me.username), 'operator.update', before.username, {
        before: { role: before.role, disabled: before.disabled },
        after: { role: body.role ?? before.role, disabled: body.disabled ?? before.disabled },
        sessionsRevoked: revoked,
      });
      return accountOut((await target(params.username))!);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/accounts/:username/unlock',
      summary: 'Clear failed logins and a lockout',
      tags: TAGS,
      role: 'admin',
      params: byUsername,
      response: accountView,
    },
    async ({ request, params, from }) => {
      const account = await target(params.username);
      if (account === undefined) return notFound(`operator ${params.username}`);
      await ctx.accounts.clearFailures(account.id, ctx.clock.nowMs());
      await audit(
        ctx,
        from,
        actorOf(request.operator!.username),
        'operator.unlock',
        account.username,
      );
      return accountOut((await target(params.username))!);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/accounts/:username/revoke-sessions',
      summary: 'End every session of an account (its refresh tokens are revoked)',
      tags: TAGS,
      role: 'admin',
      params: byUsername,
      response: z.object({ sessionsRevoked: z.int() }),
    },
    async ({ request, params, from }) => {
      const account = await target(params.username);
      if (account === undefined) return notFound(`operator ${params.username}`);
      const sessionsRevoked = await ctx.refreshTokens.revokeAllOf(account.id, ctx.clock.nowMs());
      await audit(
        ctx,
        from,
        actorOf(request.operator!.username),
        'operator.revoke-sessions',
        account.username,
        {
          sessionsRevoked,
        },
      );
      return { sessionsRevoked };
    },
  );
}

function accountOut(a: OperatorAccount) {
  return {
    username: a.username,
    role: a.role,
    disabled: a.disabled,
    mfaEnabled: a.mfaEnabled,
    failedLogins: a.failedLogins,
    lockedUntilMs: a.lockedUntilMs ?? null,
    createdMs: a.createdMs,
  };
}
