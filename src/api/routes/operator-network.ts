import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit, actorOf } from '../auth/auth-context.js';
import { route } from '../http/route.js';
import { notFound, Refusal } from '../http/refusal.js';
import { amount, networkId } from '../http/schema.js';
import type { NetworkStatus, SwitchOutcome } from '../ports.js';
import type { ApiServices } from '../services.js';

const TAGS = ['operators'];
const status = z.object({
  active: z.string().nullable(),
  switching: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
  previous: z.string().nullable(),
});
const outcome = z.object({ outcome: z.enum(['started', 'completed']), status });
const reason = z.string().min(1).max(500);

/** Network status, switch and rollback (through NetworkControl), payout settings. */
export function operatorNetworkRoutes(app: FastifyInstance, s: ApiServices): void {
  const control = s.deps.control;

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/operator/networks',
      summary: 'Which network is mined, any switch under way, where a rollback goes',
      tags: TAGS,
      role: 'viewer',
      response: z.object({
        status,
        networks: z.array(z.object({ id: z.string(), coin: z.string(), active: z.boolean() })),
      }),
    },
    async () => ({
      status: statusOut(await control.status()),
      networks: (await s.deps.store.networks.list()).map((n) => ({
        id: n.id,
        coin: n.coin,
        active: n.active,
      })),
    }),
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/networks/switch',
      summary: 'Switch the pool to another network (hot switch)',
      tags: TAGS,
      role: 'operator',
      body: z.object({ network: networkId, reason: reason.optional() }),
      response: outcome,
    },
    async ({ request, body, from }) => {
      const actor = actorOf(request.operator!.username);
      if ((await s.deps.store.networks.get(body.network)) === undefined) {
        return notFound(`network ${body.network}`);
      }
      const result = await control.switchTo(body.network, actor);
      await audit(s.auth, from, actor, 'network.switch', body.network, {
        outcome: result.kind,
        reason: body.reason ?? null,
        ...(result.kind === 'refused' ? { refusal: result.reason } : {}),
      });
      return answer(result);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/operator/networks/rollback',
      summary: 'Roll the last switch back',
      tags: TAGS,
      role: 'operator',
      body: z.object({ reason: reason.optional() }),
      response: outcome,
    },
    async ({ request, body, from }) => {
      const actor = actorOf(request.operator!.username);
      const result = await control.rollback(actor);
      await audit(s.auth, from, actor, 'network.rollback', undefined, {
        outcome: result.kind,
        reason: body.reason ?? null,
        ...(result.kind === 'refused' ? { refusal: result.reason } : {}),
      });
      return answer(result);
    },
  );

  route(
    app,
    {
      method: 'PUT',
      url: '/api/v1/operator/networks/:network/payout',
      summary: "Change a network's fee, payout threshold or maturity depth",
      tags: TAGS,
      role: 'admin',
      params: z.object({ network: networkId }),
      body: z.object({
        feeBps: z.int().min(0).max(10_000).optional(),
        minPayoutSats: amount.optional(),
        maturityDepth: z.int().min(1).max(10_000).optional(),
      }),
      response: z.object({ feeBps: z.int(), minPayoutSats: amount, maturityDepth: z.int() }),
    },
    async ({ request, params, body, from }) => {
      const before = await s.deps.store.networks.get(params.network);
      if (before === undefined) return notFound(`network ${params.network}`);
      const payout = {
        ...before.payout,
        ...(body.feeBps === undefined ? {} : { feeBps: body.feeBps }),
        ...(body.minPayoutSats === undefined ? {} : { minPayoutSats: BigInt(body.minPayoutSats) }),
        ...(body.maturityDepth === undefined ? {} : { maturityDepth: body.maturityDepth }),
      };
      await s.deps.store.networks.upsert({ ...before, payout }, s.deps.clock.nowMs());
      const shown = (p: typeof payout) => ({
        feeBps: p.feeBps,
        minPayoutSats: p.minPayoutSats.toString(),
        maturityDepth: p.maturityDepth,
      });
      await audit(
        s.auth,
        from,
        actorOf(request.operator!.username),
        'network.payout-settings',
        params.network,
        {
          before: shown(before.payout),
          after: shown(payout),
        },
      );
      return shown(payout);
    },
  );
}

function statusOut(st: NetworkStatus) {
  return {
    active: st.active ?? null,
    switching:
      st.switching === undefined ? null : { from: st.switching.from ?? null, to: st.switching.to },
    previous: st.previous ?? null,
  };
}

function answer(result: SwitchOutcome) {
  if (result.kind === 'refused') return new Refusal(409, 'SWITCH_REFUSED', result.reason);
  return { outcome: result.kind, status: statusOut(result.status) };
}
