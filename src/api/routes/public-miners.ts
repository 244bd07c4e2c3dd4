import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { route } from '../http/route.js';
import { notFound } from '../http/refusal.js';
import { address, amount, limit, networkId } from '../http/schema.js';
import type { ApiServices } from '../services.js';
import type { AddressPayout, BlockRowLite } from '../reads/pool-reads.js';

const TAGS = ['miners'];
const byAddress = z.object({ network: networkId, address });
const hashrate = z.array(z.object({ windowMs: z.int(), hashesPerSecond: z.number() }));
const payoutView = z.object({
  planId: z.string(),
  status: z.string(),
  amountSats: amount,
  txid: z.string().nullable(),
  plannedMs: z.int(),
  sentMs: z.int().nullable(),
  settledMs: z.int().nullable(),
});
const blockView = z.object({
  hash: z.string(),
  height: z.int(),
  status: z.string(),
  rewardSats: amount,
  worker: z.string(),
  foundMs: z.int(),
});

const RECENT = 10;

/** One address's page: hashrate, workers, shares, balances, payouts, blocks. Public. */
export function publicMinerRoutes(app: FastifyInstance, s: ApiServices): void {
  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/miners/:address',
      summary: "An address's stats: hashrate, workers, shares, balance, payouts, blocks",
      tags: TAGS,
      params: byAddress,
      response: z.object({
        network: z.string(),
        address: z.string(),
        hashrate,
        workers: z.array(
          z.object({
            name: z.string(),
            online: z.boolean(),
            hashrate,
            lastShareMs: z.int().nullable(),
            firstSeenMs: z.int().nullable(),
          }),
        ),
        shares: z.object({
          accepted: z.int(),
          blocks: z.int(),
          rejected: z.record(z.string(), z.int()).describe('by reason'),
        }),
        balance: z.object({
          immatureSats: amount,
          confirmedSats: amount.describe('payable + reserved in a payout being sent'),
          payableSats: amount,
          paidSats: amount,
        }),
        payouts: z.array(payoutView),
        blocks: z.array(blockView),
      }),
    },
    async ({ params }) => {
      const { network, address: addr } = params;
      const [live, known, seen, balance, payouts, blocks] = await Promise.all([
        s.deps.stats.miner(network, addr),
        s.reads.knownMiner(network, addr),
        s.reads.workers(network, addr),
        s.deps.store.balances.get(network, addr),
        s.reads.payoutsTo(network, addr, RECENT),
        s.reads.blocksFoundBy(network, addr, RECENT),
      ]);
      if (live === undefined && !known) return notFound(`miner ${addr} on ${network}`);
      const names = new Set([
        ...seen.map((w) => w.name),
        ...(live?.workers ?? []).map((w) => w.name),
      ]);
      return {
        network,
        address: addr,
        hashrate: [...(live?.hashrate ?? [])],
        workers: [...names].sort().map((name) => {
          const l = live?.workers.find((w) => w.name === name);
          return {
            name,
            online: l?.online ?? false,
            hashrate: [...(l?.hashrate ?? [])],
            lastShareMs: l?.lastShareMs ?? seen.find((w) => w.name === name)?.lastSeenMs ?? null,
            firstSeenMs: seen.find((w) => w.name === name)?.firstSeenMs ?? null,
          };
        }),
        shares: {
          accepted: live?.shares.accepted ?? 0,
          blocks: live?.shares.blocks ?? 0,
          rejected: { ...(live?.shares.rejected ?? {}) },
        },
        balance: {
          immatureSats: balance.immatureSats.toString(),
          confirmedSats: (balance.payableSats + balance.reservedSats).toString(),
          payableSats: balance.payableSats.toString(),
          paidSats: balance.paidSats.toString(),
        },
        payouts: payouts.map(payoutOut),
        blocks: blocks.map(blockOut),
      };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/miners/:address/payouts',
      summary: "An address's payouts, newest first",
      tags: TAGS,
      params: byAddress,
      querystring: z.object({ limit: limit(500, 50) }),
      response: z.object({ payouts: z.array(payoutView) }),
    },
    async ({ params, query }) => ({
      payouts: (await s.reads.payoutsTo(params.network, params.address, query.limit)).map(
        payoutOut,
      ),
    }),
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/networks/:network/miners/:address/blocks',
      summary: 'Blocks an address found, newest first',
      tags: TAGS,
      params: byAddress,
      querystring: z.object({ limit: limit(500, 50) }),
      response: z.object({ blocks: z.array(blockView) }),
    },
    async ({ params, query }) => ({
      blocks: (await s.reads.blocksFoundBy(params.network, params.address, query.limit)).map(
        blockOut,
      ),
    }),
  );
}

function payoutOut(p: AddressPayout) {
  return {
    planId: p.planId,
    status: p.status,
    amountSats: p.amountSats.toString(),
    txid: p.txid ?? null,
    plannedMs: p.plannedMs,
    sentMs: p.sentMs ?? null,
    settledMs: p.settledMs ?? null,
  };
}

function blockOut(b: BlockRowLite) {
  return { ...b, rewardSats: b.rewardSats.toString() };
}
