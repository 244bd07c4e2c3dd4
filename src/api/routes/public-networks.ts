import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../http/route.js';
import { notFound } from '../http/refusal.js';
import { address, amount, limit, networkId } from '../http/schema.js';
import type { ApiServices } from '../services.js';
import { networkView, viewOf, type NetworkView } from './network-views.js';

const TAGS = ['miners'];
const byNetwork = z.object({ network: networkId });
const blockStatus = z.enum(['pending', 'confirmed', 'orphaned']);

/** Networks, their pool stats, blocks, payouts, hashrate history and switches: public. */
export function publicNetworkRoutes(app: FastifyInstance, s: ApiServices): void {
  // Every miner's dashboard asks for the same snapshot: it is read at most once per
  // statsCacheMs, so a crowd of dashboards costs the store one read a second, not one each.
  let cached: { readonly atMs: number; readonly views: Promise<NetworkView[]> } | undefined;
  const views = (): Promise<NetworkView[]> => {
    const nowMs = s.deps.clock.nowMs();
    if (cached === undefined || nowMs - cached.atMs >= s.config.statsCacheMs) {
      const fresh = readViews();
      cached = { atMs: nowMs, views: fresh };
      fresh.catch(() => (cached = undefined));
    }
    return cached.views;
  };
  const readViews = async (): Promise<NetworkView[]> => {
    const [records, live, counts] = await Promise.all([
      s.deps.store.networks.list(),
      s.deps.stats.networks(),
      s.reads.blockCounts(),
    ]);
    return records.map((r) => {
      const of = (status: string) =>
        counts.find((c) => c.network === r.id && c.status === status)?.count ?? 0;
      const blocks = {
        pending: of('pending'),
        confirmed: of('confirmed'),
        orphaned: of('orphaned'),
      };
      return viewOf(
        r,
        live.find((l) => l.network === r.id),
        blocks,
      );
    });
  };

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks',
      summary: 'Every network with its pool stats',
      tags: TAGS,
      response: z.object({ networks: z.array(networkView) }),
    },
    async () => ({ networks: await views() }),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network',
      summary: "One network's pool stats",
      tags: TAGS,
      params: byNetwork,
      response: networkView,
    },
    async ({ params }) =>
      (await views()).find((v) => v.id === params.network) ?? notFound(`network ${params.network}`),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/blocks',
      summary: "A network's blocks, newest first, with status and confirmations",
      tags: TAGS,
      params: byNetwork,
      querystring: z.object({ status: blockStatus.optional(), limit: limit(500, 50) }),
      response: z.object({
        blocks: z.array(
          z.object({
            hash: z.string(),
            height: z.int(),
            status: blockStatus,
            confirmations: z.int().nullable(),
            rewardSats: amount,
            foundBy: z.string(),
            worker: z.string(),
            foundMs: z.int(),
          }),
        ),
      }),
    },
    async ({ params, query }) => {
      const tip = (await s.deps.stats.networks()).find((n) => n.network === params.network)?.height;
      const blocks = await s.deps.store.blocks.list(params.network, query.status, query.limit);
      return {
        blocks: blocks.map((b) => ({
          hash: b.hash,
          height: b.height,
          status: b.status,
          confirmations:
            tip === undefined || b.status === 'orphaned' ? null : Math.max(0, tip - b.height + 1),
          rewardSats: b.rewardSats.toString(),
          foundBy: b.foundByAddress,
          worker: b.foundByWorker,
          foundMs: b.foundMs,
        })),
      };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/payouts',
      summary: "A network's payouts, newest first",
      tags: TAGS,
      params: byNetwork,
      querystring: z.object({ limit: limit(500, 50) }),
      response: z.object({
        payouts: z.array(
          z.object({
            planId: z.string(),
            status: z.string(),
            totalSats: amount,
            recipients: z.int(),
            txid: z.string().nullable(),
            plannedMs: z.int(),
            settledMs: z.int().nullable(),
          }),
        ),
      }),
    },
    async ({ params, query }) => ({
      payouts: (await s.reads.payouts(params.network, query.limit)).map((p) => ({
        ...p,
        totalSats: p.totalSats.toString(),
        txid: p.txid ?? null,
        settledMs: p.settledMs ?? null,
      })),
    }),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/hashrate',
      summary: "The pool's (or one address's) hashrate history, for charts",
      tags: TAGS,
      params: byNetwork,
      querystring: z.object({ address: address.optional() }),
      response: z.object({
        points: z.array(z.object({ atMs: z.int(), hashesPerSecond: z.number() })),
      }),
    },
    async ({ params, query }) => ({
      points: [...(await s.deps.stats.hashrateHistory(params.network, query.address))],
    }),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/switches',
      summary: 'Network switches, newest first',
      tags: TAGS,
      querystring: z.object({ limit: limit(500, 50) }),
      response: z.object({
        switches: z.array(
          z.object({
            id: z.string(),
            from: z.string().nullable(),
            to: z.string(),
            phase: z.string(),
            reason: z.string(),
            atMs: z.int(),
          }),
        ),
      }),
    },
    async ({ query }) => ({
      switches: (await s.deps.store.switches.recent(query.limit)).map((w) => ({
        id: w.id.toString(),
        from: w.from ?? null,
        to: w.to,
        phase: w.phase,
        reason: w.reason,
        atMs: w.atMs,
      })),
    }),
  );
}
