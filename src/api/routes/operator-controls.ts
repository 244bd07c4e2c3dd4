import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit, actorOf } from '../auth/auth-context.js';
import { route } from '../http/route.js';
import { notFound } from '../http/refusal.js';
import { networkId } from '../http/schema.js';
import type { Ban } from '../reads/operator-books.js';
import type { ApiServices } from '../services.js';

const TAGS = ['operators'];
const banView = z.object({
  id: z.string(),
  kind: z.enum(['ip', 'address']),
  value: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdMs: z.int(),
  expiresMs: z.int().nullable(),
});
const holdView = z.object({
  network: z.string(),
  reason: z.string(),
  heldBy: z.string(),
  heldMs: z.int(),
});
const byNetwork = z.object({ network: networkId });

/** Bans, payout pause/resume and the audit log. */
export function operatorControlRoutes(app: FastifyInstance, s: ApiServices): void {
  const now = () => s.deps.clock.nowMs();

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/operator/bans',
      summary: 'Active bans',
      tags: TAGS,
      role: 'viewer',
      response: z.object({ bans: z.array(banView) }),
    },
    async () => ({ bans: (await s.books.activeBans(now())).map(banOut) }),
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/bans',
      summary: 'Ban an IP address or a payout address',
      tags: TAGS,
      role: 'operator',
      status: 201,
      body: z.object({
        kind: z.enum(['ip', 'address']),
        value: z.string().regex(/^[A-Za-z0-9.:/]{1,128}$/),
        reason: z.string().min(1).max(500),
        durationMs: z
          .int()
          .min(1_000)
          .max(365 * 86_400_000)
          .optional(),
      }),
      response: banView,
    },
    async ({ request, body, from }) => {
      const actor = actorOf(request.operator!.username);
      const ban = await s.books.ban(
        {
          kind: body.kind,
          value: body.value,
          reason: body.reason,
          createdBy: actor,
          expiresMs: body.durationMs === undefined ? undefined : now() + body.durationMs,
        },
        now(),
      );
      await audit(s.auth, from, actor, 'ban.add', `${ban.kind}:${ban.value}`, {
        id: ban.id,
        reason: ban.reason,
        expiresMs: ban.expiresMs ?? null,
      });
      return banOut(ban);
    },
  );

  route(
    app,
    {
      method: 'DELETE',
      url: '/api/v1/operator/bans/:id',
      summary: 'Lift a ban',
      tags: TAGS,
      role: 'operator',
      params: z.object({ id: z.string().regex(/^\d{1,18}$/) }),
      response: banView,
    },
    async ({ request, params, from }) => {
      const actor = actorOf(request.operator!.username);
      const ban = await s.books.lift(params.id, actor, now());
      if (ban === undefined) return notFound(`active ban ${params.id}`);
      await audit(s.auth, from, actor, 'ban.lift', `${ban.kind}:${ban.value}`, { id: ban.id });
      return banOut(ban);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/operator/payouts',
      summary: 'Networks whose payouts are paused',
      tags: TAGS,
      role: 'viewer',
      response: z.object({ paused: z.array(holdView) }),
    },
    async () => ({ paused: await s.books.holds() }),
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/payouts/:network/pause',
      summary: "Pause a network's payouts (nothing more is sent until resumed)",
      tags: TAGS,
      role: 'operator',
      params: byNetwork,
      body: z.object({ reason: z.string().min(1).max(500) }),
      response: z.object({ paused: z.boolean(), changed: z.boolean() }),
    },
    async ({ request, params, body, from }) => {
      if ((await s.deps.store.networks.get(params.network)) === undefined) {
        return notFound(`network ${params.network}`);
      }
      const actor = actorOf(request.operator!.username);
      const changed = await s.books.hold(params.network, body.reason, actor, now());
      await audit(s.auth, from, actor, 'payout.pause', params.network, {
        reason: body.reason,
        changed,
      });
      return { paused: true, changed };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/payouts/:network/resume',
      summary: "Resume a network's payouts",
      tags: TAGS,
      role: 'operator',
      params: byNetwork,
      response: z.object({ paused: z.boolean(), changed: z.boolean() }),
    },
    async ({ request, params, from }) => {
      const actor = actorOf(request.operator!.username);
      const changed = await s.books.release(params.network);
      await audit(s.auth, from, actor, 'payout.resume', params.network, { changed });
      return { paused: false, changed };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/operator/audit',
      summary: 'The audit log, oldest first, after an id',
      tags: TAGS,
      role: 'admin',
      querystring: z.object({
        afterId: z
          .string()
          .regex(/^\d{1,18}$/)
          .default('0'),
        limit: z.int().min(1).max(1000).default(100),
      }),
      response: z.object({
        entries: z.array(
          z.object({
            id: z.string(),
            atMs: z.int(),
            actor: z.string(),
            action: z.string(),
            target: z.string().nullable(),
            details: z.record(z.string(), z.unknown()),
          }),
        ),
      }),
    },
    async ({ query }) => ({
      entries: (await s.deps.store.audit.list(query.limit, BigInt(query.afterId))).map((e) => ({
        id: e.id.toString(),
        atMs: e.atMs,
        actor: e.actor,
        action: e.action,
        target: e.target ?? null,
        details: e.details,
      })),
    }),
  );
}

function banOut(b: Ban) {
  return { ...b, expiresMs: b.expiresMs ?? null };
}
